//! Joining futures so that a wake-up polls only the future it is for.
//!
//! A run is one task: hundreds of queries complete, and every completion wakes the task.
//! `futures::join!` and a small `join_all` poll *every* unfinished future they hold on
//! each wake-up, so each answer re-polled the whole tree of check families, each of them a
//! large state machine. In the browser that made the families' poll functions the hottest
//! code of a run, and compiling them to optimised machine code (which browsers do in the
//! background for hot WebAssembly functions) took a CPU core for most of the run.
//! [`join_isolated`] gives each future its own waker (through `FuturesOrdered`), so a
//! completion polls only the family that waits for it.

use futures::StreamExt;
use futures::future::LocalBoxFuture;
use futures::stream::FuturesOrdered;

/// Awaits every future in `futures` concurrently; the outputs come back in input order.
pub async fn join_isolated<'a, T>(futures: Vec<LocalBoxFuture<'a, T>>) -> Vec<T> {
    futures
        .into_iter()
        .collect::<FuturesOrdered<_>>()
        .collect()
        .await
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    use futures::FutureExt;

    use super::*;
    use crate::resolver::sleep;

    #[tokio::test]
    async fn outputs_keep_input_order_and_the_futures_run_concurrently() {
        let started = web_time::Instant::now();
        let running = Rc::new(Cell::new(0usize));
        let most = Rc::new(Cell::new(0usize));
        let futures = (0..5u64)
            .map(|i| {
                let (running, most) = (running.clone(), most.clone());
                async move {
                    running.set(running.get() + 1);
                    most.set(most.get().max(running.get()));
                    sleep(Duration::from_millis(50 - 10 * i)).await;
                    running.set(running.get() - 1);
                    i
                }
                .boxed_local()
            })
            .collect();
        assert_eq!(join_isolated(futures).await, [0, 1, 2, 3, 4]);
        assert_eq!(most.get(), 5, "all five were waiting at once");
        assert!(started.elapsed() < Duration::from_millis(200));
    }

    /// A future sleeping `ms` that counts how often it is polled.
    fn counted(polls: Rc<Cell<usize>>, ms: u64) -> LocalBoxFuture<'static, u32> {
        let mut inner = sleep(Duration::from_millis(ms)).boxed_local();
        futures::future::poll_fn(move |cx| {
            polls.set(polls.get() + 1);
            inner.as_mut().poll(cx).map(|()| 0)
        })
        .boxed_local()
    }

    /// Wakes its task ten times.
    fn ticking() -> LocalBoxFuture<'static, u32> {
        async {
            for _ in 0..10 {
                sleep(Duration::from_millis(2)).await;
            }
            1
        }
        .boxed_local()
    }

    #[tokio::test]
    async fn a_wake_up_polls_only_the_future_it_is_for() {
        let polls = Rc::new(Cell::new(0));
        let out = join_isolated(vec![counted(polls.clone(), 80), ticking()]).await;
        assert_eq!(out, [0, 1]);
        assert!(
            polls.get() <= 2,
            "the sleeper was polled {} times",
            polls.get()
        );

        // What the isolation avoids: a plain join polls the sleeper on every tick.
        let polls = Rc::new(Cell::new(0));
        futures::future::join_all(vec![counted(polls.clone(), 80), ticking()]).await;
        assert!(
            polls.get() > 10,
            "the sleeper was polled {} times",
            polls.get()
        );
    }
}
