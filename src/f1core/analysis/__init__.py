"""The analysis suite: pure functions over a ``Session``, dispatched through ``catalog``."""

from f1core.analysis.catalog import CATALOG, AnalysisResult, AnalysisSpec, get_spec, run_analysis

__all__ = ["CATALOG", "AnalysisResult", "AnalysisSpec", "get_spec", "run_analysis"]
