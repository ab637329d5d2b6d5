/**
 * Street addresses in Jiangsu: `江苏省<市><区><路名><n>号`.
 * @internal
 */
import type { Random } from './random';
import { JIANGSU, ROAD_DIRECTIONS, ROAD_STEMS, ROAD_SUFFIXES, type City, type District } from './jiangsu-regions';

/** A random address in the given district, e.g. `江苏省南京市玄武区中山北路18号`. */
export function jiangsuAddress(random: Random, city: City, district: District): string {
  const suffix = random.pick(ROAD_SUFFIXES);
  const direction = suffix === '路' ? random.pick(ROAD_DIRECTIONS) : '';
  const u = random.next();
  const houseNumber = 1 + Math.floor(u * u * 400);
  return `${JIANGSU.name}${city.name}${district.name}${random.pick(ROAD_STEMS)}${direction}${suffix}${houseNumber}号`;
}
