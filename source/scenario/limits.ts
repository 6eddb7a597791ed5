// Limits a scenario's node takes, apart from the schema so the engine can read them without it.

/**
 * kernel.pid_max of a scenario's node: 32768 unless set (the kernel's own PID_MAX_DEFAULT; systemd
 * raises it to 4194304 on most real nodes), and at most 65536, because every PID is a simulated
 * process kept in memory: a fork bomb with no pids limit must reach pid_max in bounded time.
 */
export const DEFAULT_PID_MAX = 32_768;
export const MAX_PID_MAX = 65_536;
