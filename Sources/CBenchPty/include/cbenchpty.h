#ifndef CBENCHPTY_H
#define CBENCHPTY_H
#include <sys/types.h>

/// Starts `path` with `argv`/`envp` on a new pseudo-terminal of `cols`×`rows` (forkpty, then
/// execve in the child, with no signal blocked). Returns the child's pid and puts the master side
/// in *master_fd; returns -1 on failure.
pid_t bench_spawn_pty(const char *path, char *const argv[], char *const envp[],
                      unsigned short cols, unsigned short rows, int *master_fd);

/// Starts `path` with stdin from /dev/null and stdout, stderr to `out_path`, with no signal
/// blocked or ignored; returns the pid or -1.
pid_t bench_spawn_quiet(const char *path, char *const argv[], char *const envp[], const char *out_path);


/// Makes standard output line-buffered (progress shows as it happens when piped).
void bench_line_buffered(void);
#endif
