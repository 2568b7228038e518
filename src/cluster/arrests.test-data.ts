// Test articles about two arrests of one kind (two Chargers players, two drunk-driving stops): the
// same team, charge and agencies, different players, roads, days and figures, each article worded
// differently, so that no two articles share passages. For the clustering tests only.

/** Facts both arrests share: the team, the city, the charge, the agencies. */
const SHARED = ['the San Diego Chargers', 'arrested on suspicion of drunken driving', 'the California Highway Patrol', 'booked into county jail', 'the NFL personal conduct policy', 'released on bail'];

/** Each arrest's own facts: the player, his position, the road, the day, the hour, the officer, the figures. */
export const JACKSON = ['wide receiver Vincent Jackson', 'state Route 52', 'early Tuesday', 'at 2:30 a.m.', 'near Clairemont', 'officer Brad Baehr', 'on probation since 2006', 'with 1,098 yards', 'before the Pittsburgh playoff game', 'coach Norv Turner'];
export const WILLIAMS = ['defensive tackle Jamal Williams', 'state Route 94', 'early Sunday', 'at 1:30 a.m.', 'near Home Avenue', 'officer Brian Pennings', 'in his 2008 Bentley', 'three Pro Bowl selections', 'the City Attorney office', 'a blood alcohol test'];

/** Words between the facts, different in every article, so that no two articles share passages. */
const FILLER = ['reported', 'said', 'according', 'officials', 'statement', 'later', 'police', 'news', 'update', 'sources', 'confirmed', 'earlier', 'local', 'spokesman', 'morning', 'night', 'week', 'season', 'league', 'fans', 'media', 'details', 'case', 'charges', 'court', 'investigation', 'authorities', 'witnesses', 'records', 'lawyer', 'agent', 'teammates', 'tonight', 'friday', 'radio', 'station'];

/** Article `k` of an event: eight of its ten own facts and two shared ones, worded differently each time. */
export function article(own: string[], k: number): string {
  const facts = [...Array.from({ length: 8 }, (_, i) => own[(k + i * 3) % own.length]!), ...Array.from({ length: 2 }, (_, i) => SHARED[(k + i) % SHARED.length]!)];
  const sentences = facts.map((fact, i) => `${FILLER[(k * 7 + i * 5) % FILLER.length]!} ${fact}`);
  return sentences.map((x) => `${x[0]!.toUpperCase()}${x.slice(1)}.`).join(' ');
}
