from cleaner.cli import program

program()
