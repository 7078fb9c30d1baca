"""Leveling: which canonical level a role really is, from what it asks, with evidence.

``features`` turns a role into named scope features and words, ``regression`` holds the model
(``Leveler``: fit, predict, explain, save, load), ``level`` applies it to a role
(``level_role``) and ``calibrate`` puts whole ladders on the canonical levels.
"""

from .calibrate import by_level, calibrate
from .features import FEATURES, Trace, expectations, features, role_terms
from .level import default_leveler, level_role
from .regression import MODEL_PATH, Leveler, tfidf

__all__ = ["FEATURES", "MODEL_PATH", "Leveler", "Trace", "by_level", "calibrate", "default_leveler", "expectations",
           "features", "level_role", "role_terms", "tfidf"]
