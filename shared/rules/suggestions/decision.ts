/** What a reviewer does with one suggestion (留痕), shared by the body, the fields and the photos. */
export type Decision = 'accept' | 'reject';
/** What to do with one change id; null leaves it pending. */
export type Decide = (id: string) => Decision | null;
