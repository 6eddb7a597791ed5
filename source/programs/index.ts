// Every simulated program, by name. Programs are pure reactions to kernel events that return
// system calls; their parameters are plain data (params.ts).
import type {ProgramTable} from '../kernel/index.js';
import {app} from './app.js';
import {coreutil} from './coreutils.js';
import {daemon, init, shim} from './daemon.js';
import {dumbInit} from './dumb-init.js';
import {logCollector, logWriter} from './logs.js';
import {consumer, producer} from './mc2.js';
import {copier, forkBomb, helloworld} from './misc.js';
import {pause} from './pause.js';
import {server} from './servers.js';
import {sh} from './sh.js';
import {shell} from './shell/machine.js';
import {sleep} from './sleep.js';
import {systemd} from './systemd.js';
import {tini} from './tini.js';

export const programs: ProgramTable = Object.fromEntries(
	[
		app,
		pause,
		sleep,
		sh,
		tini,
		dumbInit,
		systemd,
		producer,
		consumer,
		logWriter,
		logCollector,
		forkBomb,
		helloworld,
		copier,
		init,
		shim,
		daemon,
		shell,
		coreutil,
		server,
	].map((program) => [program.name, program]),
);

/** Programs a scenario may name (the node's own daemons are not among them). */
export const userPrograms = Object.keys(programs).filter(
	(name) => !['init', 'shim', 'daemon', 'shell', 'coreutil', 'server'].includes(name),
);

export {type ExecContext, notFound, type Resolution, resolveExec} from './binaries.js';
export {type Image, lookupImage, parseImage, type ShellFlavour} from './images.js';
export type {ProgramParams, ProgramSpec} from './params.js';
export {specCall} from './params.js';
