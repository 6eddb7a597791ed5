// The errno values a failed simulated call can give, with the text strerror() prints.
export const errnoText = {
	EPERM: 'Operation not permitted',
	ENOENT: 'No such file or directory',
	ESRCH: 'No such process',
	EINTR: 'Interrupted system call',
	E2BIG: 'Argument list too long',
	ECHILD: 'No child processes',
	EAGAIN: 'Resource temporarily unavailable',
	ENOMEM: 'Cannot allocate memory',
	EEXIST: 'File exists',
	EINVAL: 'Invalid argument',
	ENOSPC: 'No space left on device',
	ENOMSG: 'No message of desired type',
	EIDRM: 'Identifier removed',
	EADDRINUSE: 'Address already in use',
	ECONNREFUSED: 'Connection refused',
} as const;

export type Errno = keyof typeof errnoText;
