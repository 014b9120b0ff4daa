from wixsandbox.cli import main

raise SystemExit(main())
