/** The search index (places, postcode districts and sectors) as the arrival notes and the search-data endpoints read it. */
import searchJson from '../generated/search.json';
import type { SearchData } from '../datasets/search.ts';

export const searchData = searchJson as unknown as SearchData;
