"""Formatters: roles, ladders and assessments into files people read (summary, charts, exports, packet)."""
