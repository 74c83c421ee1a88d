//! The connection to a container engine (Docker, or Podman's Docker-compatible socket) and the record of
//! everything a check creates there, so that all of it is removed afterwards whatever happens.

use bollard::query_parameters::{
    ListContainersOptionsBuilder, ListImagesOptionsBuilder, RemoveContainerOptionsBuilder, RemoveImageOptionsBuilder,
};
use bollard::{Docker, API_DEFAULT_VERSION};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

/// Images the checks under way in this process have recorded as theirs. Checks that build side by
/// side on one engine (`dlint grade --run`) look for the images a cancelled build committed among
/// the new children of a base image they share: those another check claims are not theirs. (An
/// image committed by another build a moment before its log names it can still be taken for an
/// orphan; the window is the time between the commit and the log line.)
static CLAIMED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Label put on every container a check creates.
pub const LABEL: &str = "dlint.run";

/// A connected engine and what is known of it.
pub struct Engine {
    pub docker: Docker,
    /// Where it was reached, as the user would write `DOCKER_HOST`.
    pub host: String,
    /// The engine runs on this machine (a Unix socket), so its containers' processes are visible in /proc.
    pub local: bool,
    /// Podman's compatibility API: health checks do not run on their own without systemd.
    pub podman: bool,
    pub api_version: String,
}

impl Engine {
    /// Connects to `host`, else `DOCKER_HOST` (unix:// or tcp://), else the default socket, and agrees on
    /// an API version both sides speak (dockerd 20.10 speaks 1.41, older than this client's default).
    pub async fn connect(host: Option<&str>, request_timeout: Duration) -> Result<Engine, String> {
        let host = host
            .map(str::to_owned)
            .or_else(|| std::env::var("DOCKER_HOST").ok())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "unix:///var/run/docker.sock".to_owned());
        let seconds = request_timeout.as_secs().max(1);
        let docker = if let Some(path) = host.strip_prefix("unix://") {
            Docker::connect_with_unix(path, seconds, API_DEFAULT_VERSION)
        } else if host.starts_with("tcp://") || host.starts_with("http://") {
            Docker::connect_with_http(&host, seconds, API_DEFAULT_VERSION)
        } else {
            return Err(format!(
                "DOCKER_HOST={host} is not supported: use unix:///path/to/docker.sock or tcp://HOST:PORT"
            ));
        }
        .map_err(|e| unreachable_message(&host, &e.to_string()))?;
        let docker = docker.negotiate_version().await.map_err(|e| unreachable_message(&host, &e.to_string()))?;
        let version = docker.version().await.map_err(|e| unreachable_message(&host, &e.to_string()))?;
        let podman =
            version.components.iter().flatten().any(|component| component.name.to_ascii_lowercase().contains("podman"));
        let api_version = version.api_version.unwrap_or_default();
        Ok(Engine { docker, local: host.starts_with("unix://"), host, podman, api_version })
    }
}

impl Engine {
    /// Runs a container's health check once through Podman's own API. Bollard speaks only Docker's
    /// API, so this one request is written by hand (HTTP/1.1, one request per connection).
    pub async fn podman_health_check(&self, id: &str) -> Result<(), String> {
        let request = format!(
            "GET /v4.0.0/libpod/containers/{id}/healthcheck HTTP/1.1\r\nHost: podman\r\nConnection: close\r\n\r\n"
        );
        let response = match self.host.strip_prefix("unix://") {
            Some(path) => exchange(tokio::net::UnixStream::connect(path).await, &request).await,
            None => {
                let address = self.host.trim_start_matches("tcp://").trim_start_matches("http://");
                exchange(tokio::net::TcpStream::connect(address).await, &request).await
            }
        }
        .map_err(|e| e.to_string())?;
        let response = String::from_utf8_lossy(&response);
        let status_line = response.lines().next().unwrap_or("");
        match status_line.split_whitespace().nth(1) {
            Some("200") => Ok(()),
            _ => Err(format!("Podman answered `{status_line}`")),
        }
    }
}

/// Sends `request` on a freshly connected stream and reads the answer until the engine closes it.
async fn exchange<S>(stream: std::io::Result<S>, request: &str) -> std::io::Result<Vec<u8>>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = stream?;
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    Ok(response)
}

fn unreachable_message(host: &str, error: &str) -> String {
    format!(
        "no container engine answers at {host} ({error}).\n\
         Start one, e.g. `sudo systemctl start docker` or `sudo dockerd &` (Docker), or \
         `podman system service --time=0 unix:///run/podman/podman.sock &` (Podman), \
         and point DOCKER_HOST at its socket if it is not /var/run/docker.sock"
    )
}

/// What a check created on the engine, newest last.
#[derive(Default)]
pub struct Created {
    containers: Mutex<Vec<String>>,
    /// Short IDs of containers a cancelled build may have left running.
    build_containers: Mutex<Vec<String>>,
    /// Tags of built images, and IDs of the intermediate images their builds committed.
    images: Mutex<Vec<String>>,
    /// Every image that existed before the check: never removed, whatever the build log says.
    existing: Mutex<Vec<String>>,
    /// Step images of a build cut short: new images built on them are that build's last commits.
    cut_short: Mutex<Vec<String>>,
}

impl Created {
    pub fn container(&self, id: &str) {
        lock(&self.containers).push(id.to_owned());
    }

    /// Notes the images that exist now, so that cleanup leaves them alone.
    pub async fn snapshot(&self, docker: &Docker) -> Result<(), String> {
        let options = ListImagesOptionsBuilder::default().all(true).build();
        let images = docker.list_images(Some(options)).await.map_err(|e| format!("cannot list images: {e}"))?;
        *lock(&self.existing) = images.into_iter().map(|image| image.id).collect();
        Ok(())
    }

    pub fn cut_short(&self, step_images: &[String]) {
        lock(&self.cut_short).extend(step_images.iter().cloned());
    }

    pub fn build_container(&self, short_id: &str) {
        lock(&self.build_containers).push(short_id.to_owned());
    }

    pub fn image(&self, id_or_tag: &str) {
        let mut images = lock(&self.images);
        if !images.iter().any(|i| i == id_or_tag) {
            images.push(id_or_tag.to_owned());
            lock(&CLAIMED).push(id_or_tag.to_owned());
        }
    }

    /// Removes every container, then every image newest first (so children go before their parents),
    /// keeping `keep` (a tag the user asked to keep). Returns what could not be removed.
    pub async fn remove_all(&self, docker: &Docker, keep: Option<&str>) -> Vec<String> {
        let mut left = Vec::new();
        let prefixes = std::mem::take(&mut *lock(&self.build_containers));
        let mut containers = build_containers(docker, &prefixes).await;
        containers.extend(std::mem::take(&mut *lock(&self.containers)));
        for id in containers {
            let options = RemoveContainerOptionsBuilder::default().force(true).v(true).build();
            if let Err(e) = docker.remove_container(&id, Some(options)).await {
                if !is_gone(&e) {
                    left.push(format!("container {id}: {e}"));
                }
            }
        }
        let parents = std::mem::take(&mut *lock(&self.cut_short));
        if !parents.is_empty() {
            // Give the engine a moment to finish the commit the cancelled request left under way.
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            for orphan in self.orphans(docker, parents).await {
                self.image(&orphan);
            }
        }
        let images = std::mem::take(&mut *lock(&self.images));
        let mut protected = std::mem::take(&mut *lock(&self.existing));
        // The kept image's ancestors are its layers: removing them would fail (or, forced, untag).
        if let Some(tag) = keep {
            if let Ok(history) = docker.image_history(tag).await {
                protected.extend(history.into_iter().map(|entry| entry.id));
            }
        }
        for image in images.iter().rev() {
            if Some(image.as_str()) == keep || protected.iter().any(|id| same_image(id, image)) {
                continue;
            }
            let options = RemoveImageOptionsBuilder::default().force(true).noprune(false).build();
            if let Err(e) = docker.remove_image(image, Some(options), None).await {
                if !is_gone(&e) {
                    left.push(format!("image {image}: {e}"));
                }
            }
        }
        lock(&CLAIMED).retain(|claimed| !images.contains(claimed));
        left
    }

    /// New images (not there before the check, and not another check's) descending from `parents`,
    /// parents first.
    async fn orphans(&self, docker: &Docker, mut parents: Vec<String>) -> Vec<String> {
        let options = ListImagesOptionsBuilder::default().all(true).build();
        let Ok(all) = docker.list_images(Some(options)).await else { return Vec::new() };
        let existing = lock(&self.existing);
        let own = lock(&self.images).clone();
        let others: Vec<String> = lock(&CLAIMED).iter().filter(|c| !own.contains(c)).cloned().collect();
        let mut found = Vec::new();
        loop {
            let children: Vec<String> = all
                .iter()
                .filter(|image| !existing.contains(&image.id) && !found.contains(&image.id))
                .filter(|image| !others.iter().any(|other| same_image(&image.id, other)))
                .filter(|image| !image.parent_id.is_empty() && parents.iter().any(|p| same_image(&image.parent_id, p)))
                .map(|image| image.id.clone())
                .collect();
            if children.is_empty() {
                return found;
            }
            parents = children.clone();
            found.extend(children);
        }
    }
}

/// Whether the full image ID `id` is the one `short` names (a short or full ID, `sha256:` or not).
fn same_image(id: &str, short: &str) -> bool {
    id.trim_start_matches("sha256:").starts_with(short.trim_start_matches("sha256:"))
}

/// Containers still present that a cancelled build started (`Running in ID` lines), by ID prefix.
async fn build_containers(docker: &Docker, prefixes: &[String]) -> Vec<String> {
    if prefixes.is_empty() {
        return Vec::new();
    }
    let options = ListContainersOptionsBuilder::default().all(true).build();
    let Ok(all) = docker.list_containers(Some(options)).await else { return Vec::new() };
    all.into_iter().filter_map(|c| c.id).filter(|id| prefixes.iter().any(|p| id.starts_with(p.as_str()))).collect()
}

/// Labels for the containers a check creates.
pub fn labels() -> HashMap<String, String> {
    HashMap::from([(LABEL.to_owned(), std::process::id().to_string())])
}

fn is_gone(error: &bollard::errors::Error) -> bool {
    matches!(error, bollard::errors::Error::DockerResponseServerError { status_code: 404, .. })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
