/**
 * ISO 3166-1 alpha-2 code of every country and territory in TI's CPI (2012-2025), keyed by the
 * ISO3 code TI uses: `Intl.DisplayNames` names regions by alpha-2 codes. Every code is ISO 3166-1's
 * except Kosovo's: TI writes `KSV`, which ISO 3166-1 does not assign (Kosovo has no ISO code), and
 * its alpha-2 here is `XK`, the user-assigned code the European Commission, the IMF and Unicode's
 * CLDR use. Hong Kong (`HKG`), Taiwan (`TWN`) and Puerto Rico (`PRI`) are territories with ISO codes.
 *
 * @example
 * ISO3_TO_ALPHA2.THA; // => 'TH'
 * ISO3_TO_ALPHA2.KSV; // => 'XK' (not an ISO 3166-1 code: see above)
 * Object.keys(ISO3_TO_ALPHA2).length; // => 183
 */
export const ISO3_TO_ALPHA2: Readonly<Record<string, string>> = Object.freeze({
  AFG: 'AF', AGO: 'AO', ALB: 'AL', ARE: 'AE', ARG: 'AR', ARM: 'AM', AUS: 'AU', AUT: 'AT', AZE: 'AZ', BDI: 'BI',
  BEL: 'BE', BEN: 'BJ', BFA: 'BF', BGD: 'BD', BGR: 'BG', BHR: 'BH', BHS: 'BS', BIH: 'BA', BLR: 'BY', BLZ: 'BZ',
  BOL: 'BO', BRA: 'BR', BRB: 'BB', BRN: 'BN', BTN: 'BT', BWA: 'BW', CAF: 'CF', CAN: 'CA', CHE: 'CH', CHL: 'CL',
  CHN: 'CN', CIV: 'CI', CMR: 'CM', COD: 'CD', COG: 'CG', COL: 'CO', COM: 'KM', CPV: 'CV', CRI: 'CR', CUB: 'CU',
  CYP: 'CY', CZE: 'CZ', DEU: 'DE', DJI: 'DJ', DMA: 'DM', DNK: 'DK', DOM: 'DO', DZA: 'DZ', ECU: 'EC', EGY: 'EG',
  ERI: 'ER', ESP: 'ES', EST: 'EE', ETH: 'ET', FIN: 'FI', FJI: 'FJ', FRA: 'FR', GAB: 'GA', GBR: 'GB', GEO: 'GE',
  GHA: 'GH', GIN: 'GN', GMB: 'GM', GNB: 'GW', GNQ: 'GQ', GRC: 'GR', GRD: 'GD', GTM: 'GT', GUY: 'GY', HKG: 'HK',
  HND: 'HN', HRV: 'HR', HTI: 'HT', HUN: 'HU', IDN: 'ID', IND: 'IN', IRL: 'IE', IRN: 'IR', IRQ: 'IQ', ISL: 'IS',
  ISR: 'IL', ITA: 'IT', JAM: 'JM', JOR: 'JO', JPN: 'JP', KAZ: 'KZ', KEN: 'KE', KGZ: 'KG', KHM: 'KH', KOR: 'KR',
  KSV: 'XK', KWT: 'KW', LAO: 'LA', LBN: 'LB', LBR: 'LR', LBY: 'LY', LCA: 'LC', LKA: 'LK', LSO: 'LS', LTU: 'LT',
  LUX: 'LU', LVA: 'LV', MAR: 'MA', MDA: 'MD', MDG: 'MG', MDV: 'MV', MEX: 'MX', MKD: 'MK', MLI: 'ML', MLT: 'MT',
  MMR: 'MM', MNE: 'ME', MNG: 'MN', MOZ: 'MZ', MRT: 'MR', MUS: 'MU', MWI: 'MW', MYS: 'MY', NAM: 'NA', NER: 'NE',
  NGA: 'NG', NIC: 'NI', NLD: 'NL', NOR: 'NO', NPL: 'NP', NZL: 'NZ', OMN: 'OM', PAK: 'PK', PAN: 'PA', PER: 'PE',
  PHL: 'PH', PNG: 'PG', POL: 'PL', PRI: 'PR', PRK: 'KP', PRT: 'PT', PRY: 'PY', QAT: 'QA', ROU: 'RO', RUS: 'RU',
  RWA: 'RW', SAU: 'SA', SDN: 'SD', SEN: 'SN', SGP: 'SG', SLB: 'SB', SLE: 'SL', SLV: 'SV', SOM: 'SO', SRB: 'RS',
  SSD: 'SS', STP: 'ST', SUR: 'SR', SVK: 'SK', SVN: 'SI', SWE: 'SE', SWZ: 'SZ', SYC: 'SC', SYR: 'SY', TCD: 'TD',
  TGO: 'TG', THA: 'TH', TJK: 'TJ', TKM: 'TM', TLS: 'TL', TTO: 'TT', TUN: 'TN', TUR: 'TR', TWN: 'TW', TZA: 'TZ',
  UGA: 'UG', UKR: 'UA', URY: 'UY', USA: 'US', UZB: 'UZ', VCT: 'VC', VEN: 'VE', VNM: 'VN', VUT: 'VU', YEM: 'YE',
  ZAF: 'ZA', ZMB: 'ZM', ZWE: 'ZW',
});

/**
 * The codes TI uses that ISO 3166-1 does not assign, with what they stand for.
 *
 * @example
 * NON_ISO_CODES.KSV; // => 'Kosovo: no ISO 3166-1 code; XK is user-assigned (EU, IMF, CLDR)'
 */
export const NON_ISO_CODES: Readonly<Record<string, string>> = Object.freeze({
  KSV: 'Kosovo: no ISO 3166-1 code; XK is user-assigned (EU, IMF, CLDR)',
});
