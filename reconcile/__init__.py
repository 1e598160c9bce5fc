"""reconcile: find where news reports of one event disagree about their figures."""

__version__ = "0.1.0"

__all__ = ["__version__", "analyze", "extract_claims", "extract_quantities", "run_corpus"]


def __getattr__(name: str):
    # Lazy, so that `reconcile extract` does not pay for importing the whole pipeline.
    if name == "extract_quantities":
        from .quantities import extract_quantities

        return extract_quantities
    if name == "extract_claims":
        from .extract import extract_claims

        return extract_claims
    if name in ("analyze", "run_corpus"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
