"""Real-kernel side of podplay's conformance suite.

Run as PID 1 of a throw-away PID + IPC + mount namespace (the TypeScript runner starts it under
`unshare --pid --fork --kill-child --mount-proc --ipc`), so every process it makes dies with it.

The controller (this process, PID 1 of the outer namespace, which stands for the host's init and
reaps host-level orphans) starts one puppet labelled `host`. Every labelled process of a case is a
puppet: a real process that obeys JSON commands over a Unix socket and makes the real system call
(fork with CLONE_NEWPID/NEWIPC, setns, kill, wait, msgsnd, ...). The controller observes from
outside: /proc/PID/status (State, PPid, NSpid), /proc/sysvipc/msg inside each IPC namespace, and
pids.current of cgroups it made.

Usage: driver.py --case CASE.json --scratch DIR --out OUT.json [--cgroup-root DIR]
       driver.py --puppet LABEL SOCKET   (after `exec`)
"""

import ctypes
import errno
import json
import os
import platform
import select
import signal
import socket
import struct
import sys
import time

libc = ctypes.CDLL(None, use_errno=True)
libc.msgrcv.restype = ctypes.c_ssize_t
CLONE_NEWPID = 0x20000000
CLONE_NEWIPC = 0x08000000
PR_SET_CHILD_SUBREAPER = 36
IPC_CREAT = 0o1000
IPC_NOWAIT = 0o4000
IPC_RMID = 0
SA_NOCLDWAIT = 2
MS_BIND = 4096
MNT_DETACH = 2
STEP_LIMIT_S = 3.0
DRIVER = os.path.abspath(__file__)

# System call numbers, to tell "blocked in msgrcv" from "idle, waiting for a command".
SYSCALLS = {
	"x86_64": {"read": 0, "msgsnd": 69, "msgrcv": 70, "wait": 61, "sigwait": 128},
	"aarch64": {"read": 63, "msgsnd": 189, "msgrcv": 188, "wait": 260, "sigwait": 137},
}[platform.machine()]
BLOCKING = {"msgsnd", "msgrcv", "wait", "sigwait"}


class Msg(ctypes.Structure):
	_fields_ = [("mtype", ctypes.c_long), ("mtext", ctypes.c_char * 65536)]


class SigAction(ctypes.Structure):  # glibc struct sigaction (x86_64, aarch64)
	_fields_ = [
		("handler", ctypes.c_void_p),
		("mask", ctypes.c_ulong * 16),
		("flags", ctypes.c_int),
		("restorer", ctypes.c_void_p),
	]


class SigInfo(ctypes.Structure):  # the head of siginfo_t for a kill(): signo, errno, code, pid, uid
	_fields_ = [
		("si_signo", ctypes.c_int),
		("si_errno", ctypes.c_int),
		("si_code", ctypes.c_int),
		("pad", ctypes.c_int),
		("si_pid", ctypes.c_int),
		("si_uid", ctypes.c_uint),
		("rest", ctypes.c_char * 104),
	]


def errname(code):
	return errno.errorcode.get(code, str(code))


def signum(name):
	name = str(name).upper()
	return int(getattr(signal, name if name.startswith("SIG") else "SIG" + name))


def signame(num):
	return signal.Signals(num).name


def check(ret):
	if ret == -1:
		raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
	return ret


def status_text(status):
	if os.WIFEXITED(status):
		return f"exit {os.WEXITSTATUS(status)}"
	if os.WIFSIGNALED(status):
		return f"signal {signame(os.WTERMSIG(status))}"
	return f"status {status}"


# ---------------------------------------------------------------- puppet (a labelled process)

class Puppet:
	def __init__(self, label, sock_path):
		self.label = label
		self.sock_path = sock_path
		self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
		self.sock.connect(sock_path)
		self.fd = self.sock.fileno()

	def send(self, obj):
		# One write(2) per message so replies and handler events never interleave.
		os.write(self.fd, (json.dumps(obj) + "\n").encode())

	def loop(self):
		self.send({"hello": self.label})
		buf = b""
		while True:
			chunk = os.read(self.fd, 65536)  # the idle state the controller recognises
			if not chunk:
				os._exit(0)  # the controller is gone
			buf += chunk
			while b"\n" in buf:
				line, buf = buf.split(b"\n", 1)
				cmd = json.loads(line)
				try:
					reply = getattr(self, "do_" + cmd["op"])(cmd)
				except OSError as e:
					reply = {"result": errname(e.errno)}
				if reply is not None:
					reply["id"] = cmd["id"]
					self.send(reply)

	def on_signal(self, num, _frame):
		self.send({"event": "handled", "signal": signame(num)})

	def do_fork(self, cmd):
		saved = None
		if cmd.get("newpid"):
			# clone(CLONE_NEWPID) for this one child: unshare, fork, then restore
			# pid_for_children so the caller's later children are unaffected (R-PIDNS-2).
			saved = os.open("/proc/self/ns/pid_for_children", os.O_RDONLY)
			check(libc.unshare(CLONE_NEWPID))
		try:
			pid = os.fork()
		except OSError as e:
			pid, failed = -1, errname(e.errno)
		if pid == 0:
			if saved is not None:
				os.close(saved)
			self.sock.close()
			if cmd.get("newipc"):
				check(libc.unshare(CLONE_NEWIPC))
			start_puppet(cmd["as"], self.sock_path, cmd.get("behaviour", "idle"))
		if saved is not None:
			check(libc.setns(saved, CLONE_NEWPID))
			os.close(saved)
		return {"result": failed} if pid == -1 else {"result": "ok", "pid": pid}

	def do_unshare(self, cmd):
		flags = (CLONE_NEWPID if cmd.get("pid") else 0) | (CLONE_NEWIPC if cmd.get("ipc") else 0)
		check(libc.unshare(flags))
		return {"result": "ok"}

	def do_setns(self, cmd):
		for kind in cmd["types"]:
			fd = os.open(f"/proc/{cmd['target']}/ns/{kind}", os.O_RDONLY)
			try:
				check(libc.setns(fd, CLONE_NEWPID if kind == "pid" else CLONE_NEWIPC))
			finally:
				os.close(fd)
		return {"result": "ok"}

	def do_exit(self, cmd):
		os._exit(int(cmd.get("code", 0)))

	def do_kill(self, cmd):
		os.kill(int(cmd["pid"]), signum(cmd["signal"]))
		return {"result": "ok"}

	def do_wait(self, cmd):
		# libc directly: os.waitpid would retry after EINTR (PEP 475) and hide what the call returned.
		status = ctypes.c_int(0)
		flags = os.WNOHANG if cmd.get("nohang") else 0
		pid = check(libc.waitpid(int(cmd.get("pid", -1)), ctypes.byref(status), flags))
		status = status.value
		if pid == 0:
			return {"result": "ok", "pid": 0}
		return {"result": "ok", "pid": pid, "status": status_text(status)}

	def do_subreaper(self, cmd):
		check(libc.prctl(PR_SET_CHILD_SUBREAPER, 1 if cmd.get("value", True) else 0, 0, 0, 0))
		return {"result": "ok"}

	def do_sigaction(self, cmd):
		num, action = signum(cmd["signal"]), cmd.get("action", "default")
		if cmd.get("nocldwait"):
			if action == "handle":
				raise OSError(errno.EINVAL, "nocldwait with a handler is not supported")
			act = SigAction(handler=1 if action == "ignore" else 0, flags=SA_NOCLDWAIT)
			check(libc.sigaction(num, ctypes.byref(act), None))
		elif action == "handle":
			signal.signal(num, self.on_signal)
		else:
			signal.signal(num, signal.SIG_IGN if action == "ignore" else signal.SIG_DFL)
		return {"result": "ok"}

	def do_block(self, cmd):
		signal.pthread_sigmask(signal.SIG_BLOCK, [signum(s) for s in cmd["signals"]])
		return {"result": "ok"}

	def do_unblock(self, cmd):
		signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum(s) for s in cmd["signals"]])
		return {"result": "ok"}

	def do_sigwait(self, cmd):
		# libc directly: signal.sigwaitinfo retries after a handler ran; the system call says EINTR.
		mask, info = ctypes.create_string_buffer(128), SigInfo()
		libc.sigemptyset(mask)
		for s in cmd["signals"]:
			libc.sigaddset(mask, signum(s))
		num = check(libc.sigwaitinfo(mask, ctypes.byref(info)))
		return {"result": "ok", "signal": signame(num), "sender": info.si_pid}

	def do_exec(self, cmd):
		# Caught dispositions reset to SIG_DFL across execve, ignored ones stay (R-SIG-5).
		# Python's own start-up touches SIGINT/SIGPIPE/SIGXFSZ: tell the new image what to restore.
		ignored = [n for n in ("SIGINT", "SIGPIPE", "SIGXFSZ") if signal.getsignal(signum(n)) == signal.SIG_IGN]
		env = dict(os.environ, PODPLAY_IGNORED=",".join(ignored))
		os.execve(sys.executable, [sys.executable, DRIVER, "--puppet", self.label, self.sock_path], env)

	def queue(self, cmd):
		return check(libc.msgget(int(cmd["key"]), (IPC_CREAT | 0o600) if cmd.get("create") else 0))

	def do_msgget(self, cmd):
		self.queue(cmd)
		return {"result": "ok"}

	def do_msgsnd(self, cmd):
		q, m = self.queue(cmd), Msg(int(cmd.get("mtype", 1)))
		check(libc.msgsnd(q, ctypes.byref(m), int(cmd["size"]), IPC_NOWAIT if cmd.get("nowait") else 0))
		return {"result": "ok"}

	def do_msgrcv(self, cmd):
		q, m = self.queue(cmd), Msg(0)
		flags = IPC_NOWAIT if cmd.get("nowait") else 0
		size = check(libc.msgrcv(q, ctypes.byref(m), 65536, int(cmd.get("mtype", 0)), flags))
		return {"result": "ok", "size": size}

	def do_msgctl_rmid(self, cmd):
		check(libc.msgctl(self.queue(cmd), IPC_RMID, None))
		return {"result": "ok"}


def reap_all(*_):
	try:
		while os.waitpid(-1, os.WNOHANG)[0] > 0:
			pass
	except ChildProcessError:
		pass


def apply_behaviour(behaviour):
	if behaviour in ("pause", "reaper"):  # pause.c: reap on SIGCHLD with a WNOHANG loop (R-ZOMB-8)
		signal.signal(signal.SIGCHLD, reap_all)
		reap_all()
	if behaviour == "pause":  # pause.c: SIGTERM/SIGINT -> exit(0) (R-POD-3)
		for s in (signal.SIGTERM, signal.SIGINT):
			signal.signal(s, lambda *_: os._exit(0))


def start_puppet(label, sock_path, behaviour):
	puppet = Puppet(label, sock_path)
	apply_behaviour(behaviour)
	puppet.loop()


def reset_python_dispositions(ignored):
	# A plain process has SIG_DFL where Python installs its own: SIGINT (KeyboardInterrupt) would
	# otherwise count as a handler and get through to a namespace init (R-SIG-1).
	for name in ("SIGINT", "SIGPIPE", "SIGXFSZ"):
		signal.signal(signum(name), signal.SIG_IGN if name in ignored else signal.SIG_DFL)


# ---------------------------------------------------------------- controller


class CaseError(Exception):
	pass


def read_status(pid):
	try:
		with open(f"/proc/{pid}/status") as f:
			text = f.read()
	except (FileNotFoundError, ProcessLookupError):
		return None
	fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
	return {
		"state": fields["State"].split()[0],
		"ppid": int(fields["PPid"]),
		"nspid": [int(x) for x in fields["NSpid"].split()],
		"pending": int(fields["SigPnd"], 16) | int(fields["ShdPnd"], 16),
		"blocked": int(fields["SigBlk"], 16),
	}


def current_syscall(pid):
	try:
		with open(f"/proc/{pid}/syscall") as f:
			first = f.read().split()
	except OSError:
		return None
	return None if not first or first[0] == "running" else int(first[0])


class Proc:
	def __init__(self, label, pid, conn):
		self.label, self.pid, self.conn = label, pid, conn
		self.buf = b""
		self.nspid = (read_status(pid) or {"nspid": [pid]})["nspid"]
		self.ppid = None  # last seen parent (outer PID)
		self.pending = None  # (step, op) of a command without a reply yet
		self.handled = []
		self.gone = False
		self.cgroup = None


class Controller:
	def __init__(self, case, scratch, cgroup_root):
		self.case, self.scratch, self.cgroup_root = case, scratch, cgroup_root
		self.sock_path = os.path.join(scratch, "ctl.sock")
		self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
		self.listener.bind(self.sock_path)
		self.listener.listen(64)
		self.unknown = []  # connections that have not said hello yet
		self.procs = {}
		self.by_pid = {}
		self.results = []
		self.snapshots = []
		self.pins = {}
		self.own_ipc = os.open("/proc/self/ns/ipc", os.O_RDONLY)

	# -- plumbing

	def pump(self, timeout):
		conns = [p.conn for p in self.procs.values() if p.conn] + [c for c, _ in self.unknown]
		ready, _, _ = select.select([self.listener] + conns, [], [], timeout)
		for s in ready:
			if s is self.listener:
				conn, _ = self.listener.accept()
				self.unknown.append((conn, b""))
			else:
				self.receive(s)

	def receive(self, conn):
		data = conn.recv(65536)
		for i, (c, buf) in enumerate(self.unknown):
			if c is conn:
				if not data:
					self.unknown.pop(i)
					conn.close()
					return
				buf += data
				if b"\n" not in buf:
					self.unknown[i] = (c, buf)
					return
				self.unknown.pop(i)
				line, rest = buf.split(b"\n", 1)
				self.hello(conn, json.loads(line)["hello"], rest)
				return
		proc = next(p for p in self.procs.values() if p.conn is conn)
		if not data:
			proc.conn = None
			conn.close()
			return
		proc.buf += data
		while b"\n" in proc.buf:
			line, proc.buf = proc.buf.split(b"\n", 1)
			self.message(proc, json.loads(line))

	def hello(self, conn, label, rest):
		pid = struct.unpack("3i", conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, 12))[0]
		old = self.procs.get(label)
		if old and old.pid == pid:  # the same process after exec
			if old.conn:
				old.conn.close()
			old.conn, old.buf = conn, rest
			if old.pending and old.pending[1] == "exec":
				self.finish(old, {"result": "ok"})
			return
		proc = Proc(label, pid, conn)
		proc.buf = rest
		self.procs[label] = proc
		self.by_pid[pid] = proc

	def message(self, proc, msg):
		if "event" in msg:
			proc.handled.append(msg["signal"])
		elif "id" in msg:
			self.finish(proc, msg)

	def finish(self, proc, msg):
		step, op = proc.pending
		proc.pending = None
		result = {k: v for k, v in msg.items() if k not in ("id", "pid")}
		if op == "wait" and msg.get("pid"):
			result["reaped"] = self.reaped_label(proc, msg["pid"])
		elif op == "wait" and "pid" in msg:
			result["reaped"] = None
		self.results[step]["outcome"] = result

	def reaped_label(self, waiter, nspid):
		level = len(waiter.nspid) - 1
		found = [p for p in self.procs.values() if len(p.nspid) > level and p.nspid[level] == nspid]
		mine = [p for p in found if p.ppid == waiter.pid] or found
		return mine[0].label if mine else None

	def wait_for(self, cond, what):
		deadline = time.monotonic() + STEP_LIMIT_S
		while not cond():
			if time.monotonic() > deadline:
				raise CaseError(f"timed out after {STEP_LIMIT_S:.0f} s waiting for {what}")
			self.pump(0.005)

	# -- settling: every puppet idle, blocked in its call, stopped, a zombie or gone

	def settled(self):
		reap_all()  # the controller is the outer init: host-level orphans go away (R-REAP-3)
		for p in self.procs.values():
			if p.gone:
				continue
			st = read_status(p.pid)
			if st is None:
				p.gone = True
				continue
			p.ppid = st["ppid"]
			if st["state"] == "Z":
				if p.ppid == 1:
					return False  # ours to reap; reap_all runs on the next round
				continue
			deliverable = st["pending"] & ~st["blocked"]
			if st["state"] in ("T", "t"):
				if deliverable & ((1 << (signal.SIGKILL - 1)) | (1 << (signal.SIGCONT - 1))):
					return False
				continue
			if st["state"] != "S" or deliverable:
				return False
			nr = current_syscall(p.pid)
			want = SYSCALLS["read"] if p.pending is None else SYSCALLS.get(p.pending[1])
			if p.pending and p.pending[1] not in BLOCKING:
				return False
			if nr is None or nr != want:
				return False
		return True

	def settle(self):
		self.wait_for(lambda: not self.drain() and self.settled() and not self.drain(), "the processes to settle")

	def drain(self):
		"""Reads whatever is waiting; says whether anything was."""
		before = (len(self.procs), sum(len(p.handled) for p in self.procs.values()))
		before_done = sum(1 for r in self.results if "outcome" in r)
		self.pump(0)
		after = (len(self.procs), sum(len(p.handled) for p in self.procs.values()))
		return before != after or before_done != sum(1 for r in self.results if "outcome" in r)

	# -- steps

	def proc(self, label):
		p = self.procs.get(label)
		if p is None:
			raise CaseError(f'no process labelled "{label}"')
		return p

	def pid_seen_by(self, viewer, target):
		if target in ("-1", -1) or isinstance(target, int):
			return int(target)
		t, level = self.proc(target), len(viewer.nspid) - 1
		if len(t.nspid) <= level:
			raise CaseError(f'"{target}" is not visible from "{viewer.label}"')
		return t.nspid[level]

	def start_host(self):
		pid = os.fork()
		if pid == 0:
			self.listener.close()
			reset_python_dispositions([])
			start_puppet("host", self.sock_path, "idle")
		self.wait_for(lambda: "host" in self.procs, "the host puppet")

	def run(self):
		self.start_host()
		self.settle()
		for index, step in enumerate(self.case["steps"]):
			op = step["op"]
			self.results.append({"step": index, "op": op})
			getattr(self, "ctl_" + op, self.command)(index, step)
			self.settle()
		for r in self.results:
			if "outcome" not in r:
				r["outcome"] = {"result": "blocked"} if self.blocked_step(r["step"]) else {"result": "none"}
		return [r for r in self.results if r["op"] not in ("observe", "sleep")]

	def blocked_step(self, index):
		return any(p.pending and p.pending[0] == index for p in self.procs.values())

	def command(self, index, step):
		op = step["op"]
		who = self.proc(step["parent"] if op == "fork" else step["who"])
		if who.gone or who.conn is None:
			raise CaseError(f'"{who.label}" cannot run {op}: it has exited')
		cmd = {k: v for k, v in step.items() if k not in ("who", "parent", "expect", "line")}
		if op == "kill":
			cmd["pid"] = self.pid_seen_by(who, step["to"])
		elif op == "wait" and "pid" in step:
			cmd["pid"] = self.pid_seen_by(who, step["pid"])
		elif op == "setns":
			cmd["target"] = self.proc(step["target"]).pid
		cmd["id"] = index
		who.pending = (index, op)
		who.conn.sendall((json.dumps(cmd) + "\n").encode())
		if op == "exit":
			self.results[index]["outcome"] = {"result": "ok"}
			return
		if op in BLOCKING:
			return  # settle() waits for the reply or for the call to block
		self.wait_for(lambda: who.pending is None, f"{who.label} to finish {op}")
		if op == "fork" and self.results[index]["outcome"]["result"] == "ok":
			self.wait_for(lambda: step["as"] in self.procs, f'"{step["as"]}" to start')

	def ctl_sleep(self, _index, step):
		time.sleep(min(int(step.get("ms", 0)), 500) / 1000)

	def ctl_pids_max(self, index, step):
		if not self.cgroup_root:
			raise CaseError("no pids cgroup available")
		p = self.proc(step["who"])
		p.cgroup = os.path.join(self.cgroup_root, p.label)
		os.mkdir(p.cgroup)
		with open(os.path.join(p.cgroup, "pids.max"), "w") as f:
			f.write(str(step["max"]))
		with open(os.path.join(p.cgroup, "cgroup.procs"), "w") as f:
			f.write(str(p.pid))
		self.results[index]["outcome"] = {"result": "ok"}

	def ctl_pin_ipc(self, index, step):
		path = os.path.join(self.scratch, "pin-" + step["as"])
		open(path, "w").close()
		src = f"/proc/{self.proc(step['who']).pid}/ns/ipc".encode()
		check(libc.mount(src, path.encode(), None, MS_BIND, None))
		self.pins[step["as"]] = path
		self.results[index]["outcome"] = {"result": "ok"}

	def ctl_unpin_ipc(self, index, step):
		check(libc.umount2(self.pins.pop(step["name"]).encode(), MNT_DETACH))
		self.results[index]["outcome"] = {"result": "ok"}

	def ctl_observe(self, index, step):
		snap = {"step": index, "processes": {}, "queues": {}, "pids": {}}
		labels = step.get("processes") or [label for label in self.procs]
		for label in labels:
			snap["processes"][label] = self.view(label)
		for name in step.get("queues", []):
			snap["queues"][name] = self.queues(name)
		for label in step.get("pids", []):
			with open(os.path.join(self.proc(label).cgroup, "pids.current")) as f:
				snap["pids"][label] = int(f.read())
		self.snapshots.append(snap)

	def view(self, label):
		p = self.procs.get(label)
		if p is None:
			return {"state": "never"}
		st = None if p.gone else read_status(p.pid)
		if st is None:
			p.gone = True
			return {"state": "gone"}
		state = {"Z": "zombie", "T": "stopped", "t": "stopped"}.get(st["state"], "alive")
		parent = self.by_pid.get(st["ppid"])
		view = {"state": state, "parent": parent.label if parent else "outside", "nspid": p.nspid[1:]}
		if len(p.nspid) > 1:  # PPID as the process itself sees it: 0 if the parent is outside (R-PIDNS-3)
			pst = read_status(st["ppid"])
			level = len(p.nspid) - 1
			view["ppid"] = pst["nspid"][level] if pst and len(pst["nspid"]) - 1 == level else 0
		if p.pending and p.pending[1] in BLOCKING:
			view["blocked"] = p.pending[1]
		if p.handled:
			view["handled"] = list(p.handled)
		return view

	def queues(self, name):
		path = self.pins.get(name) or f"/proc/{self.proc(name).pid}/ns/ipc"
		fd = os.open(path, os.O_RDONLY)
		try:
			check(libc.setns(fd, CLONE_NEWIPC))
			with open("/proc/sysvipc/msg") as f:
				rows = [line.split() for line in f.read().splitlines()[1:] if line.strip()]
		finally:
			os.close(fd)
			check(libc.setns(self.own_ipc, CLONE_NEWIPC))
		return sorted(({"key": int(r[0]), "messages": int(r[4]), "bytes": int(r[3])} for r in rows), key=lambda q: q["key"])


def arg(name, default=None):
	return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
	if "--puppet" in sys.argv:  # a puppet after exec
		i = sys.argv.index("--puppet")
		ignored = [n for n in os.environ.pop("PODPLAY_IGNORED", "").split(",") if n]
		reset_python_dispositions(ignored)
		start_puppet(sys.argv[i + 1], sys.argv[i + 2], "idle")
	with open(arg("--case")) as f:
		case = json.load(f)
	out = {"results": [], "snapshots": []}
	ctl = Controller(case, arg("--scratch"), arg("--cgroup-root") or None)
	try:
		out["results"] = ctl.run()
	except CaseError as e:
		out["error"] = f"step {len(ctl.results) - 1}: {e}"
	except OSError as e:
		out["error"] = f"step {len(ctl.results) - 1}: {e.strerror or e}"
	out["snapshots"] = ctl.snapshots
	if out.get("error"):
		out["results"] = [r for r in ctl.results if "outcome" in r]
	with open(arg("--out"), "w") as f:
		json.dump(out, f)


if __name__ == "__main__":
	main()
