//! A bound on the queries in flight to one resolver.
//!
//! A full report asks a couple of hundred questions, most of them independent (every
//! blocklist at once). Sending all of them at the same instant is what a public resolver's
//! abuse protection answers with HTTP 429, so each resolver gets at most a fixed number of
//! queries in flight and the rest wait their turn — in the order they asked.
//!
//! Written here rather than taken from a crate: the engine's futures are `!Send` and run
//! on the browser's single thread as well as on a current-thread Tokio runtime, so the
//! limiter needs no locking, only a counter and the wakers of those waiting (`tokio`'s
//! semaphore is not available on wasm32, and `futures` has none).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A counting semaphore for one thread.
pub(crate) struct Limiter {
    available: Cell<usize>,
    /// Wakers of the futures waiting for a permit, oldest first.
    waiting: RefCell<VecDeque<Waker>>,
    /// The most permits ever taken at once (what the tests and the benchmark read).
    peak: Cell<usize>,
    max: usize,
}

impl Limiter {
    /// A limiter allowing `max` holders at once (at least one).
    pub(crate) fn new(max: usize) -> Self {
        let max = max.max(1);
        Self {
            available: Cell::new(max),
            waiting: RefCell::default(),
            peak: Cell::new(0),
            max,
        }
    }

    /// Waits for a permit; the permit is given back when dropped.
    pub(crate) fn acquire(&self) -> Acquire<'_> {
        Acquire { limiter: self }
    }

    /// The most permits held at the same time so far.
    pub(crate) fn peak(&self) -> usize {
        self.peak.get()
    }

    fn release(&self) {
        self.available.set(self.available.get() + 1);
        // Every waiter is woken, not only the oldest: a waiter whose future was dropped
        // (its check finished another way) would otherwise swallow the wake-up and leave
        // the others waiting for ever. The rest simply find no permit and wait again.
        let waiting: Vec<Waker> = self.waiting.borrow_mut().drain(..).collect();
        for waker in waiting {
            waker.wake();
        }
    }
}

/// The future returned by [`Limiter::acquire`].
pub(crate) struct Acquire<'a> {
    limiter: &'a Limiter,
}

impl<'a> Future for Acquire<'a> {
    type Output = Permit<'a>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let limiter = self.limiter;
        let available = limiter.available.get();
        if available > 0 {
            limiter.available.set(available - 1);
            let held = limiter.max - (available - 1);
            limiter.peak.set(limiter.peak.get().max(held));
            Poll::Ready(Permit { limiter })
        } else {
            let mut waiting = limiter.waiting.borrow_mut();
            if !waiting.iter().any(|w| w.will_wake(cx.waker())) {
                waiting.push_back(cx.waker().clone());
            }
            Poll::Pending
        }
    }
}

/// A held permit; dropping it lets the next query go.
pub(crate) struct Permit<'a> {
    limiter: &'a Limiter,
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.limiter.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolver::sleep;
    use futures::future::join_all;
    use std::rc::Rc;
    use std::time::Duration;

    #[tokio::test]
    async fn never_more_than_max_hold_a_permit() {
        let limiter = Rc::new(Limiter::new(3));
        let holding = Rc::new(Cell::new(0usize));
        let most = Rc::new(Cell::new(0usize));
        let tasks = (0..20).map(|i| {
            let (limiter, holding, most) = (limiter.clone(), holding.clone(), most.clone());
            async move {
                let _permit = limiter.acquire().await;
                holding.set(holding.get() + 1);
                most.set(most.get().max(holding.get()));
                sleep(Duration::from_millis(1 + i % 3)).await;
                holding.set(holding.get() - 1);
            }
        });
        join_all(tasks).await;
        assert_eq!(most.get(), 3);
        assert_eq!(limiter.peak(), 3);
        assert_eq!(limiter.available.get(), 3, "every permit came back");
    }

    #[tokio::test]
    async fn a_dropped_waiter_does_not_strand_the_others() {
        let limiter = Limiter::new(1);
        let first = limiter.acquire().await;
        // A waiter that gives up (its future is dropped while pending).
        {
            let mut abandoned = Box::pin(limiter.acquire());
            let waker = futures::task::noop_waker();
            let mut cx = Context::from_waker(&waker);
            assert!(abandoned.as_mut().poll(&mut cx).is_pending());
        }
        let second = async {
            let _p = limiter.acquire().await;
        };
        let release = async {
            sleep(Duration::from_millis(2)).await;
            drop(first);
        };
        let done = tokio::time::timeout(Duration::from_secs(2), async {
            futures::join!(second, release);
        })
        .await;
        assert!(done.is_ok(), "the live waiter got the permit");
    }
}
