from kehoach.cli.app import main

main()
