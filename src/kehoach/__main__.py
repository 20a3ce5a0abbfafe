from kehoach.cli.launch import main

main()
