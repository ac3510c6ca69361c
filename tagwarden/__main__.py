from tagwarden.app.cli.main import main

raise SystemExit(main())
