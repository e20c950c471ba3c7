//! A process that forks after rayon has run must not deadlock: the child gets fresh pools from
//! `saidwho::parallel` and finishes its work. Its own test binary, so no other test thread can hold a lock
//! at the moment of the fork.
#![cfg(unix)]
use std::sync::Arc;

use rayon::prelude::*;
use rayon::ThreadPool;
use saidwho::parallel::pool;

extern "C" {
    fn fork() -> i32;
    fn _exit(code: i32) -> !;
    fn waitpid(pid: i32, status: *mut i32, options: i32) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}
const WNOHANG: i32 = 1;
const SIGKILL: i32 = 9;

fn sum(p: &ThreadPool) -> u64 {
    p.install(|| (0..10_000u64).into_par_iter().map(|x| x * 2).sum())
}

#[test]
fn child_of_a_fork_gets_fresh_pools_and_finishes() {
    let before = pool(Some(2)).unwrap();
    let all = pool(None).unwrap();
    assert_eq!(sum(&before), 99_990_000);
    assert_eq!(sum(&all), 99_990_000);
    // SAFETY: plain fork; the child runs our code and leaves with _exit (no destructors, no atexit).
    let child = unsafe { fork() };
    if child == 0 {
        let after = pool(Some(2)).unwrap();
        let all_after = pool(None).unwrap();
        let fresh = !Arc::ptr_eq(&before, &after) && !Arc::ptr_eq(&all, &all_after);
        let same = sum(&after) == 99_990_000 && sum(&all_after) == 99_990_000;
        let cached = Arc::ptr_eq(&after, &pool(Some(2)).unwrap());
        unsafe { _exit(if fresh && same && cached { 0 } else { 3 }) };
    }
    assert!(child > 0, "fork failed");
    // The parent's pools are untouched.
    assert!(Arc::ptr_eq(&before, &pool(Some(2)).unwrap()));
    let mut status = 0i32;
    for _ in 0..3000 {
        // SAFETY: waitpid on our own child.
        if unsafe { waitpid(child, &mut status, WNOHANG) } == child {
            assert_eq!(status & 0x7f, 0, "child killed by signal {}", status & 0x7f);
            assert_eq!(
                (status >> 8) & 0xff,
                0,
                "the child's pools were not fresh or gave wrong sums"
            );
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    unsafe { kill(child, SIGKILL) };
    panic!("the forked child did not finish in 30 s (deadlock)");
}
