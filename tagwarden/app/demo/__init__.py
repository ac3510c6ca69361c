"""``tagwarden demo``: a whole deployment in one process, against a local AWS (moto)."""
