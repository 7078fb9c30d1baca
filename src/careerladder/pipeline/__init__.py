"""Running careerladder over files: one analysis path (``analysis``), used by the main job (``build``),
streaming ingest (``ingest``) and the Dask engine (``distributed``, the ``dask`` extra).
"""

from .analysis import Analyzed, Analyzer, FileResult, FileTask, analysis_hash, document_key, file_tasks
from .build import (EXAMPLE_LADDER, ROLE_SCHEMA, BuildResult, LintReport, Loaded, build, lint_paths, load, load_text,
                    merge)
from .ingest import default_errors_path, ingest
from .writer import IngestSummary, resolve_stored

__all__ = ["EXAMPLE_LADDER", "ROLE_SCHEMA", "Analyzed", "Analyzer", "BuildResult", "FileResult", "FileTask",
           "IngestSummary", "LintReport", "Loaded", "analysis_hash", "build", "default_errors_path", "document_key", "file_tasks",
           "ingest", "lint_paths", "load", "load_text", "merge", "resolve_stored"]
