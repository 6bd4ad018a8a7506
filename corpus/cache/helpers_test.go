package cache

// seedDir holds the embedded documents, the tests' real data.
const seedDir = "../../seeds"
