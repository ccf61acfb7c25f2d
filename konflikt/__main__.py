from konflikt.cli import main

main()
