system "cam" {
  auth "x" {
  }
  categry = 1
}
