//! A bound on the queries in flight to one resolver.
//!
//! A full report asks a couple of hundred questions, most of them independent (every
//! blocklist at once). Sending all of them at the same instant is what a public resolver's
//! abuse protection answers with HTTP 429, so each resolver gets at most a fixed number of
//! queries in flight and the rest wait their turn.
//!
//! The turn order serves the run's critical path first. A question is either one that
//! further questions may depend on ([`Turn::Chain`]: an SPF record, an MX host) or a
//! leaf ([`Turn::Leaf`]: a blocklist probe, a guessed DKIM selector), whose answer ends
//! the walk. A freed permit goes to the oldest waiting chain question, and to a leaf
//! only when no chain question waits: hundreds of leaves asked at the start never delay
//! the next link of an SPF include chain, and they still fill every idle permit.
//!
//! A freed permit is handed to exactly one waiter, which alone is woken. (Waking every
//! waiter on each release made each of ~230 answers re-poll the ~150 queries still
//! waiting: tens of thousands of polls, most of a page run's main-thread time.)
//!
//! Written here rather than taken from a crate: the engine's futures are `!Send` and run
//! on the browser's single thread as well as on a current-thread Tokio runtime, so the
//! limiter needs no locking, only a counter and queues of waiters (`tokio`'s semaphore
//! is not available on wasm32, `futures` has none, and neither has priorities).

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Which queue a question waits in; see the module documentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// Further questions may follow from the answer: served first.
    Chain,
    /// Nothing waits on the answer but the check that asked: served when no chain
    /// question waits.
    Leaf,
}

/// A counting semaphore for one thread with two priority classes and direct hand-off.
pub(crate) struct Limiter {
    state: RefCell<State>,
    /// The most permits ever taken at once (what the tests and the benchmark read).
    peak: Cell<usize>,
    max: usize,
}

#[derive(Default)]
struct State {
    available: usize,
    chain: VecDeque<Rc<Waiter>>,
    leaf: VecDeque<Rc<Waiter>>,
}

/// One waiting [`Acquire`]; shared between the future and the queue.
#[derive(Default)]
struct Waiter {
    waker: RefCell<Option<Waker>>,
    /// A permit was handed to this waiter (it now owns it).
    granted: Cell<bool>,
    /// The future was dropped while waiting: the queue skips it.
    abandoned: Cell<bool>,
}

impl Limiter {
    /// A limiter allowing `max` holders at once (at least one).
    pub(crate) fn new(max: usize) -> Self {
        let max = max.max(1);
        Self {
            state: RefCell::new(State {
                available: max,
                ..State::default()
            }),
            peak: Cell::new(0),
            max,
        }
    }

    /// Waits for a permit in `turn`'s queue; the permit is given back when dropped.
    pub(crate) fn acquire(&self, turn: Turn) -> Acquire<'_> {
        Acquire {
            limiter: self,
            turn,
            waiter: None,
        }
    }

    /// The most permits held at the same time so far.
    pub(crate) fn peak(&self) -> usize {
        self.peak.get()
    }

    /// A permit just taken (from the pool or handed over), counted towards the peak.
    fn permit(&self) -> Permit<'_> {
        let held = self.max - self.state.borrow().available;
        self.peak.set(self.peak.get().max(held));
        Permit { limiter: self }
    }

    /// Gives a permit back: to the first live waiter (chain before leaf), else to the pool.
    fn release(&self) {
        let next = {
            let mut state = self.state.borrow_mut();
            let next = pop_live(&mut state.chain).or_else(|| pop_live(&mut state.leaf));
            if next.is_none() {
                state.available += 1;
            }
            next
        };
        if let Some(waiter) = next {
            waiter.granted.set(true);
            if let Some(waker) = waiter.waker.borrow_mut().take() {
                waker.wake();
            }
        }
    }
}

fn pop_live(queue: &mut VecDeque<Rc<Waiter>>) -> Option<Rc<Waiter>> {
    while let Some(waiter) = queue.pop_front() {
        if !waiter.abandoned.get() {
            return Some(waiter);
        }
    }
    None
}

/// The future returned by [`Limiter::acquire`].
pub(crate) struct Acquire<'a> {
    limiter: &'a Limiter,
    turn: Turn,
    /// Set once queued.
    waiter: Option<Rc<Waiter>>,
}

impl<'a> Future for Acquire<'a> {
    type Output = Permit<'a>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let limiter = self.limiter;
        if let Some(waiter) = &self.waiter {
            if waiter.granted.get() {
                self.waiter = None;
                return Poll::Ready(limiter.permit());
            }
            *waiter.waker.borrow_mut() = Some(cx.waker().clone());
            return Poll::Pending;
        }
        {
            // A free permit means nobody waits: release hands permits to waiters first.
            let mut state = limiter.state.borrow_mut();
            if state.available > 0 {
                state.available -= 1;
                drop(state);
                return Poll::Ready(limiter.permit());
            }
        }
        let waiter = Rc::new(Waiter::default());
        *waiter.waker.borrow_mut() = Some(cx.waker().clone());
        let mut state = limiter.state.borrow_mut();
        match self.turn {
            Turn::Chain => state.chain.push_back(Rc::clone(&waiter)),
            Turn::Leaf => state.leaf.push_back(Rc::clone(&waiter)),
        }
        drop(state);
        self.waiter = Some(waiter);
        Poll::Pending
    }
}

impl Drop for Acquire<'_> {
    fn drop(&mut self) {
        if let Some(waiter) = self.waiter.take() {
            if waiter.granted.get() {
                // Handed a permit it will never use: pass it on.
                self.limiter.release();
            } else {
                waiter.abandoned.set(true);
            }
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
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;
    use std::time::Duration;

    #[tokio::test]
    async fn never_more_than_max_hold_a_permit() {
        let limiter = Rc::new(Limiter::new(3));
        let holding = Rc::new(Cell::new(0usize));
        let most = Rc::new(Cell::new(0usize));
        let tasks = (0..20).map(|i| {
            let (limiter, holding, most) = (limiter.clone(), holding.clone(), most.clone());
            async move {
                let turn = if i % 2 == 0 { Turn::Chain } else { Turn::Leaf };
                let _permit = limiter.acquire(turn).await;
                holding.set(holding.get() + 1);
                most.set(most.get().max(holding.get()));
                sleep(Duration::from_millis(1 + i % 3)).await;
                holding.set(holding.get() - 1);
            }
        });
        join_all(tasks).await;
        assert_eq!(most.get(), 3);
        assert_eq!(limiter.peak(), 3);
        assert_eq!(
            limiter.state.borrow().available,
            3,
            "every permit came back"
        );
    }

    /// A named waiter, its wake-up counter and its waker.
    type Waiting<'a> = (&'static str, Pin<Box<Acquire<'a>>>, Arc<Counter>, Waker);

    /// A waker counting its wake-ups.
    struct Counter(AtomicUsize);
    impl Wake for Counter {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn counting() -> (Arc<Counter>, Waker) {
        let counter = Arc::new(Counter(AtomicUsize::new(0)));
        (Arc::clone(&counter), Waker::from(counter))
    }

    /// Polls `acquire` once with `waker`; true when it got its permit (which is kept).
    fn poll_once<'a>(
        acquire: &mut Pin<Box<Acquire<'a>>>,
        waker: &Waker,
        got: &mut Vec<Permit<'a>>,
    ) -> bool {
        match acquire.as_mut().poll(&mut Context::from_waker(waker)) {
            Poll::Ready(permit) => {
                got.push(permit);
                true
            }
            Poll::Pending => false,
        }
    }

    #[test]
    fn a_freed_permit_goes_to_the_oldest_chain_question_before_any_leaf() {
        let limiter = Limiter::new(1);
        let held = limiter.permit_now();
        let order = [
            ("leaf 1", Turn::Leaf),
            ("chain 1", Turn::Chain),
            ("leaf 2", Turn::Leaf),
            ("chain 2", Turn::Chain),
        ];
        let mut waiting: Vec<Waiting<'_>> = order
            .iter()
            .map(|(name, turn)| {
                let (counter, waker) = counting();
                (*name, Box::pin(limiter.acquire(*turn)), counter, waker)
            })
            .collect();
        let mut permits = Vec::new();
        for (_, acquire, _, waker) in &mut waiting {
            assert!(
                !poll_once(acquire, waker, &mut permits),
                "no permit is free"
            );
        }
        let mut served = Vec::new();
        drop(held);
        for _ in 0..order.len() {
            // Exactly one waiter is woken per freed permit, and it holds the permit.
            let woken: Vec<usize> = (0..waiting.len())
                .filter(|&i| waiting[i].2.0.swap(0, Ordering::SeqCst) > 0)
                .collect();
            assert_eq!(woken.len(), 1, "one wake-up per freed permit");
            let (name, mut acquire, _, waker) = waiting.remove(woken[0]);
            let mut got = Vec::new();
            assert!(poll_once(&mut acquire, &waker, &mut got));
            served.push(name);
            drop(got);
        }
        assert_eq!(served, ["chain 1", "chain 2", "leaf 1", "leaf 2"]);
        assert_eq!(limiter.state.borrow().available, 1);
    }

    #[test]
    fn a_waiter_dropped_after_being_handed_a_permit_passes_it_on() {
        let limiter = Limiter::new(1);
        let held = limiter.permit_now();
        let (_, waker) = counting();
        let (second_count, second_waker) = counting();
        let mut first = Box::pin(limiter.acquire(Turn::Chain));
        let mut second = Box::pin(limiter.acquire(Turn::Leaf));
        let mut permits = Vec::new();
        assert!(!poll_once(&mut first, &waker, &mut permits));
        assert!(!poll_once(&mut second, &second_waker, &mut permits));
        drop(held); // handed to `first`, which never comes back for it
        drop(first);
        assert_eq!(
            second_count.0.load(Ordering::SeqCst),
            1,
            "the permit moved on"
        );
        assert!(poll_once(&mut second, &second_waker, &mut permits));
        drop(permits);
        assert_eq!(limiter.state.borrow().available, 1);
    }

    #[tokio::test]
    async fn a_dropped_waiter_does_not_strand_the_others() {
        let limiter = Limiter::new(1);
        let first = limiter.acquire(Turn::Chain).await;
        // A waiter that gives up (its future is dropped while pending).
        {
            let mut abandoned = Box::pin(limiter.acquire(Turn::Chain));
            let waker = futures::task::noop_waker();
            let mut cx = Context::from_waker(&waker);
            assert!(abandoned.as_mut().poll(&mut cx).is_pending());
        }
        let second = async {
            let _p = limiter.acquire(Turn::Chain).await;
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
        assert_eq!(limiter.state.borrow().available, 1);
    }

    impl Limiter {
        /// Takes a free permit at once (tests only).
        fn permit_now(&self) -> Permit<'_> {
            let mut acquire = Box::pin(self.acquire(Turn::Chain));
            let waker = futures::task::noop_waker();
            match acquire.as_mut().poll(&mut Context::from_waker(&waker)) {
                Poll::Ready(permit) => permit,
                Poll::Pending => panic!("no permit is free"),
            }
        }
    }
}
