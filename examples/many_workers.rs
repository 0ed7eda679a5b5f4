//! Many workers, one token: run this program in several processes (or on several machines)
//! with the same `REDIS_URL` and `GITHUB_TOKEN`; they pace their calls, wait out rate limits
//! and answer `304`s from one shared state. The README's "Many workers, one token" section
//! quotes the part between the markers (a test checks that it still does).
//!
//! ```text
//! REDIS_URL=redis://127.0.0.1:6379/ GITHUB_TOKEN=... cargo run --example many_workers
//! ```

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // README: start
    use github_rest_client::runtime::{MemoryCache, RedisState, Throttle};
    use github_rest_client::Client;

    let url = std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".into());
    // Every client built with this server and namespace, in any process, shares its state.
    let shared = RedisState::new(&url, "my-bot")?;
    let client = Client::builder()
        .token(std::env::var("GITHUB_TOKEN")?)
        .throttle(Throttle::github()) // writes 1 s apart and 10 in flight, across all workers
        .cache(MemoryCache::default()) // entries shared; this one serves while Redis is down
        .redis(shared)
        .build()?;
    let repo = client.repos().get("rust-lang", "rust").send().await?;
    println!("{} ({} stars)", repo.full_name, repo.stargazers_count);
    // README: end
    Ok(())
}
