for line in analysisBenchmark() { print(line) }
