"""``python -m tools.guardrails_build``: regenerate iam_actions.json."""

from tools.guardrails_build.build import main

main()
