"""Behaviour tests that kill mutants of reconcile/compare.py and reconcile/units.py."""
