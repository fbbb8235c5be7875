// Name and ID kept for “换一个号码”, handed between the form and result pages in memory only:
// never in the URL or the phone's storage. Taken once: a later visit to the form starts empty.
export interface KeptPerson {
  name: string;
  idCard: string;
}

let kept: KeptPerson | null = null;

export function keepPerson(person: KeptPerson): void {
  kept = { name: person.name, idCard: person.idCard };
}

/** Returns the kept name and ID and forgets them. */
export function takeKeptPerson(): KeptPerson | null {
  const person = kept;
  kept = null;
  return person;
}
