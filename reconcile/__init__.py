"""reconcile: find where news reports of one event disagree about their figures."""

__version__ = "0.1.0"

from .extract import extract_claims  # noqa: E402
from .pipeline import analyze, run_corpus  # noqa: E402
from .quantities import extract_quantities  # noqa: E402

__all__ = ["__version__", "analyze", "extract_claims", "extract_quantities", "run_corpus"]
