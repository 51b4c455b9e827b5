# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_SyncDialog(object):
    def setupUi(self, SyncDialog):
        if not SyncDialog.objectName():
            SyncDialog.setObjectName(u"SyncDialog")
        SyncDialog.resize(600, 380)
        self.mainLayout = QVBoxLayout(SyncDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(SyncDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setTextFormat(Qt.PlainText)
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.folderRadio = QRadioButton(SyncDialog)
        self.folderRadio.setObjectName(u"folderRadio")
        self.folderRadio.setChecked(True)

        self.mainLayout.addWidget(self.folderRadio)

        self.folderGrid = QGridLayout()
        self.folderGrid.setObjectName(u"folderGrid")
        self.folderGrid.setContentsMargins(24, -1, -1, -1)
        self.folderLabel = QLabel(SyncDialog)
        self.folderLabel.setObjectName(u"folderLabel")

        self.folderGrid.addWidget(self.folderLabel, 0, 0, 1, 1)

        self.folderEdit = QLineEdit(SyncDialog)
        self.folderEdit.setObjectName(u"folderEdit")

        self.folderGrid.addWidget(self.folderEdit, 0, 1, 1, 1)

        self.folderBrowse = QPushButton(SyncDialog)
        self.folderBrowse.setObjectName(u"folderBrowse")

        self.folderGrid.addWidget(self.folderBrowse, 0, 2, 1, 1)


        self.mainLayout.addLayout(self.folderGrid)

        self.webdavRadio = QRadioButton(SyncDialog)
        self.webdavRadio.setObjectName(u"webdavRadio")

        self.mainLayout.addWidget(self.webdavRadio)

        self.webdavGrid = QGridLayout()
        self.webdavGrid.setObjectName(u"webdavGrid")
        self.webdavGrid.setContentsMargins(24, -1, -1, -1)
        self.urlLabel = QLabel(SyncDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.webdavGrid.addWidget(self.urlLabel, 0, 0, 1, 1)

        self.urlEdit = QLineEdit(SyncDialog)
        self.urlEdit.setObjectName(u"urlEdit")

        self.webdavGrid.addWidget(self.urlEdit, 0, 1, 1, 2)

        self.credentialsLabel = QLabel(SyncDialog)
        self.credentialsLabel.setObjectName(u"credentialsLabel")

        self.webdavGrid.addWidget(self.credentialsLabel, 1, 0, 1, 1)

        self.credentialsEdit = QLineEdit(SyncDialog)
        self.credentialsEdit.setObjectName(u"credentialsEdit")

        self.webdavGrid.addWidget(self.credentialsEdit, 1, 1, 1, 1)

        self.credentialsBrowse = QPushButton(SyncDialog)
        self.credentialsBrowse.setObjectName(u"credentialsBrowse")

        self.webdavGrid.addWidget(self.credentialsBrowse, 1, 2, 1, 1)

        self.credentialsHelp = QLabel(SyncDialog)
        self.credentialsHelp.setObjectName(u"credentialsHelp")
        self.credentialsHelp.setTextFormat(Qt.PlainText)
        self.credentialsHelp.setWordWrap(True)

        self.webdavGrid.addWidget(self.credentialsHelp, 2, 1, 1, 2)


        self.mainLayout.addLayout(self.webdavGrid)

        self.errorLabel = QLabel(SyncDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setTextFormat(Qt.PlainText)
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.verticalSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(SyncDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.folderLabel.setBuddy(self.folderEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.credentialsLabel.setBuddy(self.credentialsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folderRadio, self.folderEdit)
        QWidget.setTabOrder(self.folderEdit, self.folderBrowse)
        QWidget.setTabOrder(self.folderBrowse, self.webdavRadio)
        QWidget.setTabOrder(self.webdavRadio, self.urlEdit)
        QWidget.setTabOrder(self.urlEdit, self.credentialsEdit)
        QWidget.setTabOrder(self.credentialsEdit, self.credentialsBrowse)

        self.retranslateUi(SyncDialog)

        QMetaObject.connectSlotsByName(SyncDialog)
    # setupUi

    def retranslateUi(self, SyncDialog):
        SyncDialog.setWindowTitle(QCoreApplication.translate("SyncDialog", u"Where the team syncs", None))
        self.introLabel.setText(QCoreApplication.translate("SyncDialog", u"Choose where this inspection's team exchanges its changes. Everyone on the team uses the same place; each computer writes only its own files there, encrypted.", None))
        self.folderRadio.setText(QCoreApplication.translate("SyncDialog", u"A shared &folder (a network share, a synced cloud folder or a USB stick)", None))
        self.folderLabel.setText(QCoreApplication.translate("SyncDialog", u"Fo&lder:", None))
        self.folderBrowse.setText(QCoreApplication.translate("SyncDialog", u"&Browse\u2026", None))
        self.webdavRadio.setText(QCoreApplication.translate("SyncDialog", u"A &WebDAV server (SharePoint, Nextcloud)", None))
        self.urlLabel.setText(QCoreApplication.translate("SyncDialog", u"&Address:", None))
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("SyncDialog", u"https://", None))
        self.credentialsLabel.setText(QCoreApplication.translate("SyncDialog", u"&Credentials file:", None))
        self.credentialsBrowse.setText(QCoreApplication.translate("SyncDialog", u"Br&owse\u2026", None))
        self.credentialsHelp.setText(QCoreApplication.translate("SyncDialog", u"A text file with your user name on the first line and your password on the second. Only where the file is is remembered, never the password: keep the file in a private folder.", None))
    # retranslateUi

