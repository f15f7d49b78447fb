match[*a, *b]: await self = 1
match[x]: int
