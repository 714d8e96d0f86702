-- Starting categories of Phù Liễn ward (the plan's pilot ward); leaders change them through the API afterwards.
insert into category (id, ward, code, name, unit, sla_days, priority) values
    ('7f3a0c6e-5d1b-4a51-9d55-000000000001', 'phu-lien', 'DAT_DAI', 'Đất đai, xây dựng', 'KT', 10, 'NORMAL'),
    ('7f3a0c6e-5d1b-4a51-9d55-000000000002', 'phu-lien', 'MOI_TRUONG', 'Vệ sinh môi trường, rác thải', 'KT', 5, 'HIGH'),
    ('7f3a0c6e-5d1b-4a51-9d55-000000000003', 'phu-lien', 'HANH_CHINH', 'Thủ tục hành chính', 'TTPVHCC', 5, 'NORMAL'),
    ('7f3a0c6e-5d1b-4a51-9d55-000000000004', 'phu-lien', 'AN_SINH', 'Chính sách an sinh xã hội', 'VHXH', 10, 'NORMAL'),
    ('7f3a0c6e-5d1b-4a51-9d55-000000000005', 'phu-lien', 'THAI_DO', 'Thái độ, tác phong cán bộ', 'VP', 3, 'HIGH'),
    ('7f3a0c6e-5d1b-4a51-9d55-000000000006', 'phu-lien', 'KHAC', 'Góp ý khác', 'VP', 10, 'LOW');
