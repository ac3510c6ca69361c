"""The ``tagwarden`` command line. Each ``cmd_*`` module registers one command."""
