"""Builds the catalog of tag-writing operations from botocore's service models.

Used only to regenerate ``tagwarden/core/normalize/catalog.json`` and by the tests that check it; the
normalizer itself never imports this package.
"""
