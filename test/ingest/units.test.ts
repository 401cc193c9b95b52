import { describe, expect, it } from 'vitest';
import { parseUnits, splitList } from '../../src/ingest/units.js';

describe('parseUnits', () => {
  it('assigns roles by role words and removes them', () => {
    expect(parseUnits('市编办牵头，市各有关单位负责', 'mixed')).toEqual({ lead: ['市编办'], responsible: ['市各有关单位'] });
    expect(parseUnits('市政府办公室，市科工商务局负责，各镇（街）、管委会，市各有关单位配合', 'mixed')).toEqual({
      lead: ['市政府办公室', '市科工商务局'],
      responsible: ['各镇（街）', '管委会', '市各有关单位'],
    });
    // 按职能/职责分工落实 says how the work is shared, not who: after a 牵头 unit, the responsible ones.
    expect(parseUnits('市政府办公室、市司法局牵头,市直其他单位按职能分工落实', 'lead')).toEqual({ lead: ['市政府办公室', '市司法局'], responsible: ['市直其他单位'] });
    expect(parseUnits('各处室、民服中心按职责分工负责', 'lead')).toEqual({ lead: ['各处室', '民服中心'], responsible: [] });
    expect(parseUnits('市市场监督管理局、市住房和城乡建设局分别负责', 'mixed')).toEqual({ lead: ['市市场监督管理局', '市住房和城乡建设局'], responsible: [] });
  });
  it('reads 牵头单位：…；责任单位：… labels with either punctuation', () => {
    expect(parseUnits('牵头单位：县发改局；责任单位：各乡镇人民政府', 'lead')).toEqual({ lead: ['县发改局'], responsible: ['各乡镇人民政府'] });
    expect(parseUnits('牵头单位:县审计局;责任单位:县直各单位', 'lead')).toEqual({ lead: ['县审计局'], responsible: ['县直各单位'] });
  });
  it('keeps a role word that is part of a name', () => {
    expect(parseUnits('局主办科室', 'lead')).toEqual({ lead: ['局主办科室'], responsible: [] });
  });
  it('lists the column role for a plain list, each unit once', () => {
    expect(parseUnits('市科工商务局、市公安局、市科工商务局', 'lead').lead).toEqual(['市科工商务局', '市公安局']);
    expect(parseUnits('市、县区政府各有关部门,电子政务工作机构', 'responsible').responsible).toEqual(['市、县区政府各有关部门', '电子政务工作机构']);
  });
});

describe('splitList', () => {
  it('never splits inside brackets and keeps notes and a trailing 等', () => {
    expect(splitList('各县(市、区)政府、市发改委(物价局)、应急局等')).toEqual(['各县(市、区)政府', '市发改委(物价局)', '应急局等']);
  });
  it('keeps a scoped class of departments whole', () => {
    expect(splitList('市、县区发展改革、人社、财政等部门')).toEqual(['市、县区发展改革、人社、财政等部门']);
    expect(splitList('各级政府、管委及其部门')).toEqual(['各级政府、管委及其部门']);
  });
  it('splits units printed without a separator', () => {
    expect(splitList('市发改委市农业农村局')).toEqual(['市发改委', '市农业农村局']);
  });
});
