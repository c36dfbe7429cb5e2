#define _GNU_SOURCE
#include "cbenchpty.h"
#include <pty.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <sys/ioctl.h>
#include <spawn.h>

pid_t bench_spawn_pty(const char *path, char *const argv[], char *const envp[],
                      unsigned short cols, unsigned short rows, int *master_fd) {
    struct winsize ws;
    memset(&ws, 0, sizeof ws);
    ws.ws_col = cols;
    ws.ws_row = rows;
    int fd = -1;
    pid_t pid = forkpty(&fd, NULL, NULL, &ws);
    if (pid < 0) return -1;
    if (pid == 0) {
        execve(path, argv, envp);
        _exit(127);
    }
    int flags = fcntl(fd, F_GETFD);
    fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    *master_fd = fd;
    return pid;
}

pid_t bench_spawn_quiet(const char *path, char *const argv[], char *const envp[], const char *out_path) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, path, &actions, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

#include <stdio.h>
void bench_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }
