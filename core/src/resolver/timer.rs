//! A sleep that works in the browser and on Tokio, for timeouts and `Retry-After`.

use std::time::Duration;

/// Waits for `duration` on the platform's timer.
#[cfg(target_arch = "wasm32")]
pub async fn sleep(duration: Duration) {
    let ms = u32::try_from(duration.as_millis()).unwrap_or(u32::MAX);
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits for `duration` on the platform's timer.
#[cfg(not(target_arch = "wasm32"))]
pub async fn sleep(duration: Duration) {
    tokio::time::sleep(duration).await;
}
