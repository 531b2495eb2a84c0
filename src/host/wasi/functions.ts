/** The WASI preview 1 functions our host implements (host.test.ts checks this list against the host itself). */
export const WASI_P1_FUNCTIONS: readonly string[] = [
  'args_get', 'args_sizes_get', 'environ_get', 'environ_sizes_get', 'clock_res_get', 'clock_time_get', 'random_get',
  'proc_exit', 'proc_raise', 'sched_yield', 'sock_accept', 'sock_recv', 'sock_send', 'sock_shutdown',
  'fd_advise', 'fd_allocate', 'fd_close', 'fd_datasync', 'fd_sync', 'fd_fdstat_get', 'fd_fdstat_set_flags',
  'fd_fdstat_set_rights', 'fd_filestat_get', 'fd_filestat_set_size', 'fd_filestat_set_times', 'fd_pread', 'fd_pwrite',
  'fd_prestat_get', 'fd_prestat_dir_name', 'fd_read', 'fd_readdir', 'fd_renumber', 'fd_seek', 'fd_tell', 'fd_write',
  'path_create_directory', 'path_remove_directory', 'path_unlink_file', 'path_symlink', 'path_filestat_get',
  'path_filestat_set_times', 'path_link', 'path_rename', 'path_readlink', 'path_open', 'poll_oneoff',
];
