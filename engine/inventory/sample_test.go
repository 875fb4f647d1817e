package inventory

// SampleInventory is a small valid inventory with a city, a system and
// nested blocks, tuples and objects: the normalized-document and locate
// tests (package inventory_test) and the fast path's accepted cases use it.
const SampleInventory = `city "lisboa" {
  jurisdictions = ["EU"]
  kpi "EC:ICT:ICT:2C" {
    value = 44.80
    year  = 2024
  }
}

system "cctv" {
  category = "iot"
  data {
    retention_days = 31
    shared_with    = [{ party = "police", agreement = "DSA-7" }]
  }
  ai {
    authorization_ref = null
  }
  assessment "pia" {
    date = "2022-01-10"
  }
}
`
