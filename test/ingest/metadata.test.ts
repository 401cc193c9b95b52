import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/ingest/catalog.js';
import { decode } from '../../src/ingest/decode.js';
import { readMetadata, regionAliases } from '../../src/ingest/metadata.js';

const REAL = 'test/fixtures/real/docs';
const SEEDS = 'seeds';

function text(path: string): string {
  const d = decode(readFileSync(path));
  if (!d.ok) throw new Error(`${path}: ${d.reason}`);
  return d.text;
}

const catalog = parseCatalog(readFileSync(`${REAL}/catalog.json`, 'utf8'), Object.keys(JSON.parse(readFileSync(`${REAL}/catalog.json`, 'utf8'))));

function real(name: string) {
  return readMetadata(text(`${REAL}/${name}`), name, undefined, catalog.hints.get(name));
}

describe('readMetadata on real plans (with their catalog entries)', () => {
  // [file, region, issuer (undefined: not asserted), year]
  const expected: Array<[string, string, string | undefined, number]> = [
    ['changning_2024.txt', '上海市长宁区', '上海市长宁区人民政府办公室', 2024],
    ['putuo_2025.txt', '上海市普陀区', '上海市普陀区人民政府办公室', 2025],
    ['huizhou_2022.txt', '惠州市', '惠州市人民政府办公室', 2022],
    ['jieyang_2018.txt', '揭阳市', '揭阳市人民政府办公室', 2018],
    ['qiaocheng_2025.txt', '亳州市谯城区', '亳州市谯城区人民政府办公室', 2025],
    ['shenzhen_2017.txt', '深圳市', undefined, 2017],
    ['anhui_zjt_2023.txt', '安徽省', '安徽省住房和城乡建设厅', 2023],
    ['jiangmen_tdcbzx_2021.txt', '江门市', '江门市土地储备中心', 2021],
    ['liaoning_mzt_2020.txt', '辽宁省', '辽宁省民政厅', 2020],
    ['shandong_jyt_2023.txt', '山东省', '山东省教育厅', 2023],
    ['tianjin_yjglj_2022.txt', '天津市', '天津市应急管理局', 2022],
    ['weihai_swj_2017.txt', '威海市', '威海市商务局', 2017],
    ['xiamen_czj_2021.txt', '厦门市', '厦门市财政局', 2021],
  ];
  for (const [file, region, issuer, year] of expected) {
    it(`reads ${file} as ${region} ${year}${issuer ? `, issued by ${issuer}` : ''}`, () => {
      const m = real(file);
      expect(m.region).toBe(region);
      expect(m.year).toBe(year);
      if (issuer) expect(m.issuer).toBe(issuer);
    });
  }

  it('gives a district its city and the short forms people type', () => {
    expect(real('changning_2024.txt').regionAliases).toEqual(['上海市长宁区', '长宁区', '长宁']);
    expect(real('changning_2024.txt').level).toBe('区');
    expect(real('qiaocheng_2025.txt').regionAliases).toEqual(['亳州市谯城区', '谯城区', '谯城']);
  });

  it('reads a bureau’s place as the region and its level from the place', () => {
    expect(real('shandong_jyt_2023.txt').level).toBe('省');
    expect(real('xiamen_czj_2021.txt').level).toBe('市');
  });
});

describe('readMetadata without a catalog', () => {
  const bare = (name: string) => readMetadata(text(`${REAL}/${name}`), name);

  it('leaves region empty where the document prints no place, and takes the year from the file name', () => {
    expect(bare('jiangmen_tdcbzx_2021.txt')).toMatchObject({ region: '', year: 2021, yearSource: 'file-name' });
    expect(bare('qiaocheng_2025.txt')).toMatchObject({ region: '', year: 2025, yearSource: 'file-name' });
  });

  it('keeps a body printed without its place as printed when no region is known', () => {
    expect(bare('anhui_zjt_2023.txt')).toMatchObject({ region: '', issuer: '省住房城乡建设厅', year: 2023 });
  });

  it('does not read a place from the addressee line (厅机关各处室(局)、厅直各单位:)', () => {
    expect(bare('anhui_zjt_2023.txt').regionAliases).toEqual([]);
  });
});

describe('readMetadata on the seeds', () => {
  const expected: Array<[string, string, string[], number]> = [
    ['000_8c36aaee05ee3aae.txt', '蕉岭县', ['蕉岭县', '蕉岭'], 2016],
    ['001_c67bee33ca5fc057.txt', '深圳市', ['深圳市', '深圳'], 2016],
    ['002_daf8c5972cb24576.txt', '六安市', ['六安市', '六安'], 2019],
    ['003_6ea2951639ab2eff.txt', '遂宁市安居区', ['遂宁市安居区', '安居区', '安居'], 2016],
    ['004_2b4ee9c56e2324dc.txt', '开平市', ['开平市', '开平'], 2018],
  ];
  for (const [file, region, aliases, year] of expected) {
    it(`reads ${file} as ${region} ${year}`, () => {
      const m = readMetadata(text(`${SEEDS}/${file}`), file);
      expect(m.region).toBe(region);
      expect(m.regionAliases).toEqual(aliases);
      expect(m.year).toBe(year);
    });
  }

  it('reads the issuing office from the notice title and the letterhead', () => {
    expect(readMetadata(text(`${SEEDS}/004_2b4ee9c56e2324dc.txt`), 'x.txt').issuer).toBe('开平市人民政府办公室');
    expect(readMetadata(text(`${SEEDS}/001_c67bee33ca5fc057.txt`), 'x.txt').issuer).toBe('深圳市人民政府办公厅');
  });
});

describe('readMetadata on invented plans', () => {
  it('reads the city from the title, not a development zone named in the addressee line', () => {
    const m = readMetadata(
      [
        '荆门市人民政府办公室关于印发2023年荆门市政务公开工作要点的通知',
        '各县、市、区人民政府,漳河新区,屈家岭管理区,市政府各部门:',
        '现将《2023年荆门市政务公开工作要点》印发给你们,请认真贯彻落实。',
        '荆门市人民政府办公室',
        '2023年6月1日',
        '2023年荆门市政务公开工作要点',
        '一、深化政策公开',
        '1.及时公开政策文件。(责任单位:市政府办公室,完成时限:全年)',
      ].join('\n'),
      'jingmen.txt',
    );
    expect(m).toMatchObject({ region: '荆门市', issuer: '荆门市人民政府办公室', year: 2023, level: '市' });
    expect(m.regionAliases).toEqual(['荆门市', '荆门']);
  });

  it('reads a bureau’s own plan with the bureau as issuer and its city as region', () => {
    const m = readMetadata(
      ['江门市卫生健康局2022年政务公开工作要点', '', '序号|工作任务|具体要求|责任科室|完成时限', '1|做好信息公开|公开预算。|办公室|2022年6月底前'].join('\n'),
      'wjj.txt',
      3,
    );
    expect(m).toMatchObject({ region: '江门市', issuer: '江门市卫生健康局', year: 2022, title: '江门市卫生健康局2022年政务公开工作要点' });
  });

  it('reads a bureau’s office (X厅办公室) as the bureau, and a body printed without its place with the region’s', () => {
    const m = readMetadata(
      ['关于印发《省财政厅2021年政务公开工作要点》的通知', '机关各处室:', '现将要点印发给你们。', '河南省财政厅办公室', '2021年3月2日', '省财政厅2021年政务公开工作要点', '一、加强预算公开'].join('\n'),
      'czt.txt',
    );
    expect(m).toMatchObject({ region: '河南省', issuer: '河南省财政厅', year: 2021, level: '省' });
    const partial = readMetadata('省财政厅2021年政务公开工作要点\n一、加强预算公开', 'czt.txt', undefined, { region: '河南省' });
    expect(partial.issuer).toBe('河南省财政厅');
  });

  it('finds the city of a district whose title prints the district alone', () => {
    const m = readMetadata('2023年谯城区政务公开工作要点\n序号|工作任务|具体要求|责任单位\n1|公开|公开预算。|区财政局', 'qc.txt', 2);
    expect(m).toMatchObject({ region: '亳州市谯城区', level: '区', year: 2023 });
  });

  it('reads a county plan by the county’s name', () => {
    const m = readMetadata('2024年萧县政务公开工作要点\n一、深化公开\n1.公开预算。(责任单位:县财政局)', 'xx.txt');
    expect(m).toMatchObject({ region: '萧县', level: '县', regionAliases: ['萧县'], year: 2024 });
  });

  it('settles a district name two cities share by the issuer', () => {
    const m = readMetadata(['舟山市普陀区人民政府办公室关于印发2022年普陀区政务公开工作要点的通知', '2022年普陀区政务公开工作要点', '一、公开'].join('\n'), 'pt.txt');
    expect(m.region).toBe('舟山市普陀区');
  });

  it('takes the year the preamble says the plan is for when the title has none, then the date line', () => {
    const said = readMetadata(['X市交通运输局政务公开工作要点', '做好2019年政务公开工作,现提出以下要点:', '一、公开'].join('\n'), 'a.txt');
    expect(said).toMatchObject({ year: 2019, yearSource: 'text' });
    const dated = readMetadata(['政务公开工作要点', '成文日期: 2020-03-04', '一、公开'].join('\n'), 'b2018.txt');
    expect(dated).toMatchObject({ year: 2020, yearSource: 'date-line' });
    expect(readMetadata('政务公开工作要点\n一、公开', 'plan.txt')).toMatchObject({ year: null, yearSource: 'none' });
  });

  it('lets every field of a hint override the text, with aliases computed from a hinted region', () => {
    const m = readMetadata('2016年安居区政务公开工作要点\n一、公开', 'a.txt', undefined, { region: '江门市', issuer: '江门市土地储备中心', year: 2021, title: '土地储备中心政务公开工作方案' });
    expect(m).toMatchObject({ region: '江门市', regionAliases: ['江门市', '江门'], level: '市', issuer: '江门市土地储备中心', year: 2021, yearSource: 'hint', title: '土地储备中心政务公开工作方案' });
  });

  it('reads the year of a hinted title when no year is hinted', () => {
    expect(readMetadata('工作任务|具体要求|责任部门', 'x.txt', 1, { title: '2020年某中心政务公开工作要点' }).year).toBe(2020);
  });
});

describe('regionAliases', () => {
  it('strips an autonomous division’s ethnic names from its short form', () => {
    expect(regionAliases('宁夏回族自治区')).toEqual(['宁夏回族自治区', '宁夏']);
    expect(regionAliases('恩施土家族苗族自治州')).toEqual(['恩施土家族苗族自治州', '恩施']);
    expect(regionAliases('')).toEqual([]);
  });
});
