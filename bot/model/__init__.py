"""Learned components, shipped as data: trained by scripts in this package, read at run time without scikit-learn."""
