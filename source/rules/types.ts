// A rule of the Linux kernel or of Kubernetes that podplay reproduces. Events, tests and the "why"
// pane cite rules by id; `podplay rules` and docs/rules.md print them from these records.

export interface Rule {
	/** Stable id, family then number: `R-PIDNS-7`. */
	readonly id: string;
	/** A few words naming the rule. */
	readonly title: string;
	/** The rule's full text, in the project's own words. */
	readonly statement: string;
	/** Where it comes from: kernel file and function, kubelet function, man page or doc page, as plain text. */
	readonly source: string;
}
