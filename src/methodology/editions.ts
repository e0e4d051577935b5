/**
 * TI's editions that store integer source scores (2012-2020 and 2022; 2021 and 2023 on are
 * unrounded): more than 95% of each of these editions' values are integers (a test holds this list
 * to the bundled panel). A change across one of them is read at integer precision, so mixing
 * integers with unrounded values invents no change. Internal: the panel's counts and every
 * simulation model read it.
 */
export const INTEGER_EDITIONS: readonly number[] = Object.freeze([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]);
