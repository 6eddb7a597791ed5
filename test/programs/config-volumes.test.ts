// R-EXEC-20: a ConfigMap or Secret in the same file provides the files of the volumes that mount it.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {headlessPace, playerWorld, playUntil, startPlayer} from '../../source/engine/index.js';
import {parseScenario, type Scenario} from '../../source/scenario/index.js';

const manifest = `apiVersion: v1
kind: ConfigMap
metadata: {name: game-demo}
data:
  player_initial_lives: "3"
  game.properties: |
    enemy.types=aliens,monsters
    player.maximum-lives=5
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
data:
  username: YWRtaW4=
stringData:
  note: plain text
---
apiVersion: v1
kind: Pod
metadata: {name: reader}
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: [sh, -c, 'cat /config/game.properties; cat /config/player_initial_lives; cat /secret/u; cat /missing/x']
    volumeMounts:
    - {name: config, mountPath: /config}
    - {name: secret, mountPath: /secret}
    - {name: missing, mountPath: /missing}
  volumes:
  - name: config
    configMap: {name: game-demo}
  - name: secret
    secret:
      secretName: creds
      items: [{key: username, path: u}]
  - name: missing
    configMap: {name: nowhere}
`;

function load(text: string): Scenario {
	const loaded = parseScenario(text, 'config.yaml');
	if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
	return loaded.scenario;
}

describe('R-EXEC-20: ConfigMap and Secret volumes', () => {
	test('R-EXEC-20: the keys of a ConfigMap and of a Secret (decoded, items mapped) are files `cat` reads', () => {
		const world = playerWorld(playUntil(startPlayer(load(manifest), {freeze: false}), 3000, headlessPace));
		assert.deepEqual(world.kernel.streams['log:reader/c/0'], [
			'enemy.types=aliens,monsters',
			'player.maximum-lives=5',
			'3',
			'admin',
			"cat: can't open '/missing/x': No such file or directory",
		]);
	});
	test('R-EXEC-20: the objects are notes, and a volume whose object is not in the file says it is mounted empty', () => {
		const notes = load(manifest).notes.map((n) => `${n.rule} ${n.text}`);
		assert.ok(
			notes.some((n) => /^R-EXEC-19 ConfigMap game-demo is not simulated as an object/.test(n)),
			notes.join('\n'),
		);
		assert.ok(notes.some((n) => /^R-EXEC-19 Secret creds is not simulated as an object/.test(n)));
		assert.ok(
			notes.some((n) =>
				/^R-EXEC-20 volume missing of pod reader: ConfigMap nowhere is not in this file, so podplay mounts it empty \(the kubelet would wait with FailedMount: configmap "nowhere" not found\)/.test(
					n,
				),
			),
			notes.join('\n'),
		);
	});
	test('R-EXEC-20: an unknown field of a configMap volume is refused with a did-you-mean', () => {
		const loaded = parseScenario(
			manifest.replace('configMap: {name: game-demo}', 'configMap: {nmae: game-demo}'),
			'config.yaml',
		);
		assert.equal(loaded.ok, false);
		assert.ok(!loaded.ok && loaded.problems.some((p) => /unknown field "nmae"/.test(p.message)));
	});
});
