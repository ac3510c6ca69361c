from tagwarden.cli.main import main

raise SystemExit(main())
