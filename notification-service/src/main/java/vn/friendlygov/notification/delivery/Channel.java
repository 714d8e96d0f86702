package vn.friendlygov.notification.delivery;

/** Delivery channels, as named in the delivery events. */
public enum Channel { INBOX, EMAIL, ZALO, SMS }
