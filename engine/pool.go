package engine

import "sync"

// forEach runs fn(i) for i in [0, n) on at most parallel goroutines.
func forEach(n, parallel int, fn func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(max(parallel, 1), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				fn(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}
