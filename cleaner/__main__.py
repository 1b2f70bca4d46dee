from cleaner.entry import program

program()
