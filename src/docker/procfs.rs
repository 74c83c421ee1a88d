//! Reading a container's process facts from /proc text: listening sockets (`net/tcp`, `tcp6`, `udp`,
//! `udp6`), the effective uid (`status`), the user-namespace map (`uid_map`), its cgroups (`cgroup`)
//! and their counters (`memory.events`, `pids.events`...).

/// A socket bound to a port and waiting for peers.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Listener {
    pub port: u16,
    pub protocol: Protocol,
    /// Bound to a loopback address only, so unreachable from outside the container.
    pub loopback: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    Tcp,
    Udp,
}

impl Protocol {
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
        }
    }
}

/// Sockets of one /proc/PID/net table: TCP ones in LISTEN (`0A`), UDP ones bound and unconnected (`07`).
pub fn listeners(table: &str, protocol: Protocol) -> Vec<Listener> {
    let wanted_state = match protocol {
        Protocol::Tcp => "0A",
        Protocol::Udp => "07",
    };
    table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let (local, remote, state) = (fields.get(1)?, fields.get(2)?, fields.get(3)?);
            if *state != wanted_state || (protocol == Protocol::Udp && !remote.ends_with(":0000")) {
                return None;
            }
            let (address, port) = local.split_once(':')?;
            let port = u16::from_str_radix(port, 16).ok()?;
            Some(Listener { port, protocol, loopback: is_loopback(address) })
        })
        .collect()
}

/// /proc shows addresses as hex words in host byte order (little-endian here).
fn is_loopback(hex: &str) -> bool {
    match hex.len() {
        // 127.0.0.0/8: the first octet is the low byte.
        8 => hex.get(6..8) == Some("7F"),
        // ::1, or ::ffff:127.x.y.z
        32 => {
            hex == "00000000000000000000000001000000"
                || (hex.starts_with("0000000000000000FFFF0000") && hex.get(30..32) == Some("7F"))
        }
        _ => false,
    }
}

/// The effective uid from /proc/PID/status.
pub fn effective_uid(status: &str) -> Option<u32> {
    let line = status.lines().find(|l| l.starts_with("Uid:"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

/// Maps a uid as the host sees it to the uid inside the container's user namespace (/proc/PID/uid_map
/// lines are `inside outside count`); without remapping both are the same.
pub fn uid_inside(host_uid: u32, uid_map: &str) -> Option<u32> {
    uid_map.lines().find_map(|line| {
        let numbers: Vec<u64> = line.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let [inside, outside, count] = numbers[..] else { return None };
        let host = u64::from(host_uid);
        (outside <= host && host < outside + count).then(|| u32::try_from(inside + host - outside).ok()).flatten()
    })
}

/// Where a process's cgroup for a controller is.
#[derive(Debug, PartialEq, Eq)]
pub enum Cgroup<'a> {
    /// Under the controller's own hierarchy: `/sys/fs/cgroup/<controller><path>`.
    V1(&'a str),
    /// In the unified hierarchy: `/sys/fs/cgroup<path>`.
    V2(&'a str),
}

/// The cgroup of `controller` in /proc/PID/cgroup (`ID:controllers:path` lines; `0::path` for v2).
pub fn cgroup_path<'a>(membership: &'a str, controller: &str) -> Option<Cgroup<'a>> {
    let entries = membership.lines().filter_map(|line| {
        let mut parts = line.splitn(3, ':');
        Some((parts.next()?, parts.next()?, parts.next()?))
    });
    let mut unified = None;
    for (id, controllers, path) in entries {
        if controllers.split(',').any(|c| c == controller) {
            return Some(Cgroup::V1(path));
        }
        if id == "0" && controllers.is_empty() {
            unified = Some(Cgroup::V2(path));
        }
    }
    unified
}

/// The number on the line `key N` of a cgroup counter file.
pub fn counter(text: &str, key: &str) -> Option<u64> {
    text.lines().find_map(|line| line.strip_prefix(key)?.strip_prefix(' ')?.trim().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TCP: &str = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534        0 1 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534        0 2 1 0000000000000000 100 0 0 10 0
   2: 0100007F:1F90 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000 65534        0 3 1 0000000000000000 100 0 0 10 0
";

    #[test]
    fn listening_tcp_sockets_with_loopback() {
        assert_eq!(
            listeners(TCP, Protocol::Tcp),
            vec![
                Listener { port: 8080, protocol: Protocol::Tcp, loopback: false },
                Listener { port: 8081, protocol: Protocol::Tcp, loopback: true },
            ]
        );
        let tcp6 =
            "sl local rem st\n 0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A x\n";
        assert!(listeners(tcp6, Protocol::Tcp)[0].loopback);
        let udp = "sl local rem st\n 0: 00000000:0035 00000000:0000 07 x\n 1: 00000000:0036 0100007F:0035 07 x\n";
        assert_eq!(
            listeners(udp, Protocol::Udp),
            vec![Listener { port: 53, protocol: Protocol::Udp, loopback: false }]
        );
    }

    #[test]
    fn cgroups_and_their_counters() {
        let v1 = "9:name=systemd:/docker/abc\n8:pids:/docker/abc\n4:memory:/docker/abc\n1:cpu,cpuacct:/docker/abc\n0::/docker/abc\n";
        assert_eq!(cgroup_path(v1, "memory"), Some(Cgroup::V1("/docker/abc")));
        assert_eq!(cgroup_path(v1, "cpuacct"), Some(Cgroup::V1("/docker/abc")));
        assert_eq!(
            cgroup_path("0::/system.slice/docker-abc.scope\n", "pids"),
            Some(Cgroup::V2("/system.slice/docker-abc.scope"))
        );
        assert_eq!(cgroup_path("", "pids"), None);
        assert_eq!(counter("oom_kill_disable 0\nunder_oom 0\noom_kill 2\n", "oom_kill"), Some(2));
        assert_eq!(counter("low 0\nhigh 0\nmax 0\noom 1\noom_kill 1\n", "oom_kill"), Some(1));
        assert_eq!(counter("max 17\n", "max"), Some(17));
        assert_eq!(counter("max 17\n", "oom_kill"), None);
    }

    #[test]
    fn uid_from_status_and_user_namespace() {
        let status = "Name:\tsleep\nUid:\t1000\t65534\t65534\t65534\nGid:\t0\t0\t0\t0\n";
        assert_eq!(effective_uid(status), Some(65534));
        assert_eq!(uid_inside(0, "         0          0 4294967295\n"), Some(0));
        assert_eq!(uid_inside(100000, "         0     100000      65536\n"), Some(0));
        assert_eq!(uid_inside(5, "         0     100000      65536\n"), None);
    }
}
